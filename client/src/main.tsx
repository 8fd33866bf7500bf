// placeholder until the resident app lands
