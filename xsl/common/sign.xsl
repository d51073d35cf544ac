<?xml version="1.0" encoding="UTF-8"?>
<!-- common/sign.xsl — the signature / date / seal block of GB/T 9704 §7.3.5.1 (with seal):
     the date 4 characters in from the right, the issuing organ centred over the date, and a
     round seal (42 mm, sealed by hand) reserved above them so that they sit just below its
     centre and its top is within one line of the last text line. The block is kept with
     the last lines of text (keep-with-previous) and never split (keep-together): it can
     never stand alone on a page. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:fo="http://www.w3.org/1999/XSL/Format"
                xmlns:gx="urn:gongwen:fo:1">

  <!-- organ: the issuing organ's name; iso: the date (ISO); caption: optional line printed
       between organ and date (e.g. （特种设备安全监察专用章）); note: optional 附注 line. -->
  <xsl:template name="signature">
    <xsl:param name="organ"/>
    <xsl:param name="iso"/>
    <xsl:param name="caption" select="''"/>
    <xsl:param name="note" select="''"/>
    <xsl:variable name="date">
      <xsl:call-template name="date"><xsl:with-param name="iso" select="$iso"/></xsl:call-template>
    </xsl:variable>
    <xsl:variable name="w-date">
      <xsl:call-template name="text-width"><xsl:with-param name="s" select="$date"/></xsl:call-template>
    </xsl:variable>
    <!-- 4 characters in from the right: 4 × 15.79 pt -->
    <xsl:variable name="date-end" select="4 * $gb-char"/>
    <!-- 2 blank lines above the organ name: the seal (radius 21 mm ≈ 2 lines) is centred on
         the top of the organ line, so its top touches the last line of text -->
    <fo:block-container keep-together.within-page="always" keep-with-previous.within-page="always"
                        padding-top="{2 * $gb-line}pt" text-indent="0pt" text-align="end"
                        text-align-last="end">
      <xsl:call-template name="centred-over-date">
        <xsl:with-param name="text" select="$organ"/>
        <xsl:with-param name="id" select="concat('gw-seal-', generate-id())"/>
        <xsl:with-param name="w-date" select="$w-date"/>
        <xsl:with-param name="date-end" select="$date-end"/>
      </xsl:call-template>
      <xsl:if test="$caption != ''">
        <xsl:call-template name="centred-over-date">
          <xsl:with-param name="text" select="$caption"/>
          <xsl:with-param name="w-date" select="$w-date"/>
          <xsl:with-param name="date-end" select="$date-end"/>
        </xsl:call-template>
      </xsl:if>
      <fo:block end-indent="{$date-end}pt"><xsl:value-of select="$date"/></fo:block>
    </fo:block-container>
    <xsl:if test="$note != ''">
      <fo:block keep-with-previous.within-page="always" text-indent="{$gb-indent}"><xsl:value-of select="$note"/></fo:block>
    </xsl:if>
  </xsl:template>

  <!-- One line centred over the date: its end-indent puts its middle on the date's. The
       organ line carries the id gw-seal-…: the OFD writer records the seal area there (the
       42 mm seal centred on the top of that line, see README "OFD"). -->
  <xsl:template name="centred-over-date">
    <xsl:param name="text"/>
    <xsl:param name="id" select="''"/>
    <xsl:param name="w-date"/>
    <xsl:param name="date-end"/>
    <xsl:variable name="w">
      <xsl:call-template name="text-width"><xsl:with-param name="s" select="$text"/></xsl:call-template>
    </xsl:variable>
    <xsl:variable name="end" select="$date-end + ($w-date - $w) div 2 * $gb-char"/>
    <fo:block>
      <xsl:if test="$id != ''"><xsl:attribute name="id"><xsl:value-of select="$id"/></xsl:attribute></xsl:if>
      <xsl:attribute name="end-indent">
        <xsl:choose>
          <xsl:when test="$end &lt; 0">0pt</xsl:when>
          <xsl:otherwise><xsl:value-of select="concat(format-number($end, '0.##'), 'pt')"/></xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:value-of select="$text"/>
    </fo:block>
  </xsl:template>
</xsl:stylesheet>
