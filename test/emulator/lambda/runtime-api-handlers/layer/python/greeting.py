def hello(name):
    return "hello from the layer, " + name
