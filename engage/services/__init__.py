"""What a user does with the office's records, above the nouns of ``engage.db``: theme a
consultation and carry earlier edits and recommendations into the new run, import a file
of feedback or of partners, check coders' agreement with the themes."""
