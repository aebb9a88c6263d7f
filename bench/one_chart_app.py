"""A second floor for the page benchmark: a Streamlit page with one small Plotly chart."""

import plotly.graph_objects as go
import streamlit as st

st.title("Một biểu đồ")
st.plotly_chart(go.Figure(go.Bar(x=["a", "b", "c"], y=[1, 3, 2])), theme=None)
