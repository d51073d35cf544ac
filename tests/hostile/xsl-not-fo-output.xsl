<?xml version="1.0" encoding="UTF-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:exsl="http://exslt.org/common" xmlns:saxon="http://icl.com/saxon" xmlns:func="http://exslt.org/functions" xmlns:my="urn:my" xmlns:str="http://exslt.org/strings" extension-element-prefixes="exsl saxon func">
<!-- produces something that is not XSL-FO -->
<xsl:template match="/"><html><body>hello</body></html></xsl:template>
</xsl:stylesheet>
