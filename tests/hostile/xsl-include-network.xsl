<?xml version="1.0" encoding="UTF-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:exsl="http://exslt.org/common" xmlns:saxon="http://icl.com/saxon" xmlns:func="http://exslt.org/functions" xmlns:my="urn:my" xmlns:str="http://exslt.org/strings" extension-element-prefixes="exsl saxon func">
<!-- includes a stylesheet from the network -->
<xsl:include href="http://127.0.0.1:9/evil.xsl"/><xsl:template match="/"><r/></xsl:template>
</xsl:stylesheet>
