print("infogeo")
