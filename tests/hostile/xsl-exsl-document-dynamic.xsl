<?xml version="1.0" encoding="UTF-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:exsl="http://exslt.org/common" xmlns:saxon="http://icl.com/saxon" xmlns:func="http://exslt.org/functions" xmlns:my="urn:my" xmlns:str="http://exslt.org/strings" extension-element-prefixes="exsl saxon func">
<!-- writes a file through an attribute value template, so that a static check cannot see the name -->
<xsl:template match="/"><xsl:variable name="n" select="concat('pw', 'ned.txt')"/><exsl:document href="{$n}" method="text">owned</exsl:document></xsl:template>
</xsl:stylesheet>
