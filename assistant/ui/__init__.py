"""The Streamlit UI's pure parts (memo text, highlighting, feedback, export, strings, session helpers).

The Streamlit layout itself lives in streamlit_app.py and pages/; everything here is importable and
testable without a running Streamlit server.
"""
