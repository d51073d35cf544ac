<?xml version="1.0"?>
<not-a-stylesheet/>
