"""One screen per mode of the app, plus the screens pushed from them."""
