<?xml version="1.0" encoding="UTF-8"?>
<!-- Must be refused: exsl:document writes a file. run.sh checks that nothing is written. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:exsl="http://exslt.org/common" extension-element-prefixes="exsl">
  <xsl:param name="target" select="'written.txt'"/>
  <xsl:template match="/">
    <exsl:document href="{$target}" method="text">pwned</exsl:document>
    <done/>
  </xsl:template>
</xsl:stylesheet>
