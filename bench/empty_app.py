"""The framework floor of the page benchmark: a Streamlit page with one title and nothing else."""

import streamlit as st

st.title("Trang trống")
