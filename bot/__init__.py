"""Domain core of the managed access assistant: knowledge base, pathway engine,
understanding of user facts and rendering of answers. Plain Python, no Rasa."""
