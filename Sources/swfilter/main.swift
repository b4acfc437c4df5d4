import Server
print("swfilter")
