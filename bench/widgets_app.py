"""A third floor for the page benchmark: a Streamlit page with a text box and a sidebar
button — what any page with a widget pays for the widgets' scripts."""

import streamlit as st

st.set_page_config(layout="wide")
st.title("Tra cứu")
st.text_input("Họ tên", key="q")
st.sidebar.button("Đăng xuất")
