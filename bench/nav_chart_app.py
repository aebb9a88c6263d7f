"""A fourth floor for the page benchmark: the skeleton every dashboard page shares and
nothing of ours — a wide page, a sidebar menu of seven pages, a title, and one small
Plotly chart drawn full width."""

import plotly.graph_objects as go
import streamlit as st

st.set_page_config(layout="wide")


def chart_page() -> None:
    st.title("Một biểu đồ")
    st.plotly_chart(go.Figure(go.Bar(x=["a", "b", "c"], y=[1, 3, 2])), theme=None)


def other_page() -> None:
    st.title("Trang khác")


icons = ["dashboard", "leaderboard", "donut_small", "groups", "flag", "search", "slideshow"]
pages = [st.Page(chart_page, title="Biểu đồ", icon=":material/dashboard:", default=True)] + [
    st.Page(other_page, title=f"Trang {i}", icon=f":material/{icon}:", url_path=f"trang-{i}")
    for i, icon in enumerate(icons[1:], start=2)
]
st.navigation(pages).run()
