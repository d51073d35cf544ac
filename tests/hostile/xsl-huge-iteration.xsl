<?xml version="1.0" encoding="UTF-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:exsl="http://exslt.org/common" xmlns:saxon="http://icl.com/saxon" xmlns:func="http://exslt.org/functions" xmlns:my="urn:my" xmlns:str="http://exslt.org/strings" extension-element-prefixes="exsl saxon func">
<!-- nested for-each over every node, 10^12 iterations without recursion -->
<xsl:template match="/"><r><xsl:for-each select="str:tokenize(str:padding(100000, 'a '))"><xsl:for-each select="str:tokenize(str:padding(100000, 'b '))"><xsl:for-each select="str:tokenize(str:padding(100000, 'c '))">x</xsl:for-each></xsl:for-each></xsl:for-each></r></xsl:template>
</xsl:stylesheet>
