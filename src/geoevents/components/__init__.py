"""The pipeline's components and the readers they apply: segmentation, actors,
dates, events, the role ranker and confidence, locations, parsing, span groups."""
