"""Fetch: the stage before ingest, which brings newsletters from where they are sent (a mail
box, a feed, a web page) into the input folder, one module per kind of source, with the state
file that remembers what was already fetched. Like every stage it imports only digest.model.
"""
