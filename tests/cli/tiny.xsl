<?xml version="1.0" encoding="UTF-8"?>
<!-- tiny.xsl — a minimal stylesheet for the command-line tests (the xsl option of gongwen
     render and batch): one A4 page with the record's id and the parameter `note`. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:fo="http://www.w3.org/1999/XSL/Format" xmlns:r="urn:gongwen:record:1"
                exclude-result-prefixes="r">
  <xsl:param name="note" select="'无'"/>
  <xsl:template match="/">
    <fo:root>
      <fo:layout-master-set>
        <fo:simple-page-master master-name="A4" page-width="210mm" page-height="297mm"
                               margin="30mm">
          <fo:region-body/>
        </fo:simple-page-master>
      </fo:layout-master-set>
      <fo:page-sequence master-reference="A4">
        <fo:flow flow-name="xsl-region-body" font-family="仿宋" font-size="16pt">
          <fo:block>记录 <xsl:value-of select="/*/@id"/></fo:block>
          <fo:block>参数 <xsl:value-of select="$note"/></fo:block>
        </fo:flow>
      </fo:page-sequence>
    </fo:root>
  </xsl:template>
</xsl:stylesheet>
