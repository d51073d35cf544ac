<?xml version="1.0" encoding="UTF-8"?>
<!-- Must be refused: importing a stylesheet over the network. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="http://127.0.0.1:9/evil.xsl"/>
  <xsl:template match="/"><r/></xsl:template>
</xsl:stylesheet>
