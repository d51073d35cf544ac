<?xml version="1.0" encoding="UTF-8"?>
<!-- slow.xsl — a stylesheet whose document takes long to format (tens of thousands of lines), for
     the timeout and killed-worker tests of tests/cli/run.sh; a record whose id starts with
     "quick-" gets a one-line document, one whose id starts with "medium-" one of 8,000 blocks
     (about half a second). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:fo="http://www.w3.org/1999/XSL/Format">
  <xsl:variable name="size">
    <xsl:choose>
      <xsl:when test="starts-with(/*/@id, 'quick-')">1</xsl:when>
      <xsl:when test="starts-with(/*/@id, 'medium-')">20</xsl:when>
      <xsl:otherwise>140</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="hundred" select="(document('')//node())[position() &lt;= $size]"/>
  <xsl:template match="/">
    <fo:root>
      <fo:layout-master-set>
        <fo:simple-page-master master-name="A4" page-width="210mm" page-height="297mm"
                               margin="30mm">
          <fo:region-body/>
        </fo:simple-page-master>
      </fo:layout-master-set>
      <fo:page-sequence master-reference="A4">
        <fo:flow flow-name="xsl-region-body" font-family="仿宋" font-size="12pt">
          <xsl:for-each select="$hundred">
            <xsl:for-each select="$hundred">
              <xsl:for-each select="$hundred">
                <fo:block>永清县质量技术监督局责令整改通知书测试文字，用于超时检查。永清县质量技术监督局责令整改通知书测试文字，用于超时检查。永清县质量技术监督局责令整改通知书测试文字，用于超时检查。永清县质量技术监督局责令整改通知书测试文字，用于超时检查。</fo:block>
              </xsl:for-each>
            </xsl:for-each>
          </xsl:for-each>
        </fo:flow>
      </fo:page-sequence>
    </fo:root>
  </xsl:template>
</xsl:stylesheet>
