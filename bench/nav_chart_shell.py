"""The dashboard skeleton (nav_chart_app.py) in the dashboard's own page shell
(ui.page_shell: the page's head asks for the charts' code early, carries the words script
and the tabs' style): what the shell alone gives a page, measured by `bench pages`."""

import streamlit as st
from starlette.middleware import Middleware

from ui.page_shell import PageShell

app = st.App("nav_chart_app.py", middleware=[Middleware(PageShell)])
