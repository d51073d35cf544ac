<?xml version="1.0" encoding="UTF-8"?>
<!-- common/sign.xsl — the closing of an enforcement document: the contact lines, the
     signature / date / seal block of GB/T 9704 §7.3.5.1 (with seal) and the copies note.

     Seal area (42 mm round seal, radius 59.53 pt, pressed by hand): its centre is on the
     top edge of the date line, so the date sits just below the centre and the organ name
     (the line above the date) just above it; both are centred on the same vertical axis,
     the date 4 characters in from the right. The block's padding (31 pt) keeps the seal's
     top just below the last text line (within one line of it, §7.3.5.1), and the copies
     note starts 31 pt below the date, under the seal's bottom: no other text lies inside
     the seal's square. A seal caption (（特种设备安全监察专用章）, naming the seal to press)
     stands on the line above the organ, also on the axis.

     Keeps (GB/T 9704 §7.3.5.5: no page of signatures without body text): every block of
     the closing carries keep-with-previous="always", so the chain contact → signatures →
     seal block → note hangs on the last lines of the body (widows="2" of that paragraph
     come along), and each block is keep-together. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:fo="http://www.w3.org/1999/XSL/Format"
                xmlns:gx="urn:gongwen:fo:1">

  <!-- the seal: 42 mm across -->
  <xsl:variable name="seal-r" select="59.53"/>
  <!-- room above the first line of the seal block and before the note: the seal's top
       (centre − r) just below the last text line; the note just below the seal's bottom -->
  <xsl:variable name="seal-gap" select="31"/>

  <!-- organ: the issuing organ's name; iso: the date (ISO); caption: optional seal name
       printed above the organ (e.g. （特种设备安全监察专用章）); note: optional 附注 line
       (the copies note). -->
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
    <xsl:variable name="pad">
      <xsl:choose>
        <xsl:when test="$caption != ''"><xsl:value-of select="$seal-r - 2 * $gb-line + 1.5"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$seal-gap"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <fo:block-container keep-together.within-page="always" keep-with-previous.within-page="always"
                        padding-top="{format-number($pad, '0.##')}pt" text-indent="0pt" text-align="end"
                        text-align-last="end">
      <xsl:if test="$caption != ''">
        <xsl:call-template name="centred-over-date">
          <xsl:with-param name="text" select="$caption"/>
          <xsl:with-param name="w-date" select="$w-date"/>
          <xsl:with-param name="date-end" select="$date-end"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:call-template name="centred-over-date">
        <xsl:with-param name="text" select="$organ"/>
        <xsl:with-param name="w-date" select="$w-date"/>
        <xsl:with-param name="date-end" select="$date-end"/>
      </xsl:call-template>
      <fo:block end-indent="{$date-end}pt"><xsl:value-of select="$date"/></fo:block>
    </fo:block-container>
    <xsl:if test="$note != ''">
      <fo:block keep-with-previous.within-page="always" padding-top="{$seal-gap}pt"
                text-indent="{$gb-indent}"><xsl:value-of select="$note"/></fo:block>
    </xsl:if>
  </xsl:template>

  <!-- One line centred over the date: its end-indent puts its middle on the date's. -->
  <xsl:template name="centred-over-date">
    <xsl:param name="text"/>
    <xsl:param name="w-date"/>
    <xsl:param name="date-end"/>
    <xsl:variable name="w">
      <xsl:call-template name="text-width"><xsl:with-param name="s" select="$text"/></xsl:call-template>
    </xsl:variable>
    <xsl:variable name="end" select="$date-end + ($w-date - $w) div 2 * $gb-char"/>
    <fo:block>
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
