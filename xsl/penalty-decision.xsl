<?xml version="1.0" encoding="UTF-8"?>
<!-- penalty-decision.xsl — 行政处罚决定书 from a case with a penalty: penalty-notice.xsl
     with $which = 'decision' (the notice served, the decision, payment, remedies). -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:fo="http://www.w3.org/1999/XSL/Format"
                xmlns:r="urn:gongwen:record:1"
                exclude-result-prefixes="r">
  <xsl:import href="penalty-notice.xsl"/>
  <xsl:variable name="which" select="'decision'"/>
</xsl:stylesheet>
