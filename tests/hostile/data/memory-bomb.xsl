<?xml version="1.0" encoding="UTF-8"?>
<!-- A string doubled 27 times (1 GiB of text, three times that while concatenating): no
     operation limit catches it; the process memory cap (GONGWEN_MAX_MEMORY) does. Run by
     tests/hostile/run.sh with a small cap, not as a corpus case (sanitizer builds have no cap). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:fo="http://www.w3.org/1999/XSL/Format">
  <xsl:template name="double">
    <xsl:param name="s"/>
    <xsl:param name="n"/>
    <xsl:choose>
      <xsl:when test="$n = 0"><xsl:value-of select="string-length($s)"/></xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="double">
          <xsl:with-param name="s" select="concat($s, $s)"/>
          <xsl:with-param name="n" select="$n - 1"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="/">
    <fo:root>
      <fo:layout-master-set>
        <fo:simple-page-master master-name="a"><fo:region-body/></fo:simple-page-master>
      </fo:layout-master-set>
      <fo:page-sequence master-reference="a">
        <fo:flow flow-name="xsl-region-body">
          <fo:block>
            <xsl:call-template name="double">
              <xsl:with-param name="s" select="'abcdefgh'"/>
              <xsl:with-param name="n" select="27"/>
            </xsl:call-template>
          </fo:block>
        </fo:flow>
      </fo:page-sequence>
    </fo:root>
  </xsl:template>
</xsl:stylesheet>
