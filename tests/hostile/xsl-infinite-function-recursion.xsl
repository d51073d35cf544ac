<?xml version="1.0" encoding="UTF-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:exsl="http://exslt.org/common" xmlns:saxon="http://icl.com/saxon" xmlns:func="http://exslt.org/functions" xmlns:my="urn:my" xmlns:str="http://exslt.org/strings" extension-element-prefixes="exsl saxon func">
<!-- an EXSLT function calling itself forever -->
<func:function name="my:f"><xsl:param name="n"/><func:result select="my:f($n + 1)"/></func:function><xsl:template match="/"><r><xsl:value-of select="my:f(1)"/></r></xsl:template>
</xsl:stylesheet>
