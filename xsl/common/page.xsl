<?xml version="1.0" encoding="UTF-8"?>
<!-- common/page.xsl — page masters and page furniture.

   GB/T 9704 portrait (master "gb"): A4, 天头 37 mm, 订口 28 mm, right 26 mm, bottom 35 mm →
   text area 156 × 225 mm at (28 mm, 37 mm). Duplex: even pages mirror the side margins
   (28 mm inside). The page number "— N —" (4号 宋体) sits in region-after with its baseline
   about 7 mm below the text area; odd pages right, even pages left, 1 character in; blank
   pages carry none.

   Landscape (master "ls", the registers): A4 turned, margins 20 mm top, 25 mm bottom
   (page number below the table), 20 mm left and right → 257 × 165 mm.

   The top margin is split: page margin 10 mm (landscape 8 mm) + region-before, so a
   running header (annual register) can live in region-before without touching the body.

   Turned (master "gbt", the annual register's registers): the portrait page with its
   region-body turned a quarter (reference-orientation="90").

   Region names: gw-before-odd / gw-before-even, gw-after-odd / gw-after-even /
   gw-after-blank (the blank master gets no static content, so no number). -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:fo="http://www.w3.org/1999/XSL/Format"
                xmlns:gx="urn:gongwen:fo:1">

  <!-- Page number block: baseline ≈ 7 mm below the top of region-after. The line is 14 pt
       high; padding-top puts its baseline (≈ 13 pt below the line top for the CJK serif
       faces) at 19.8 pt = 7 mm. -->
  <xsl:variable name="folio-padding" select="'6.8pt'"/>

  <xsl:template name="page-masters">
    <xsl:param name="portrait" select="true()"/>
    <xsl:param name="landscape" select="false()"/>
    <!-- turned: also "gbt" (needs portrait, whose gb-blank it uses) -->
    <xsl:param name="turned" select="false()"/>
    <fo:layout-master-set>
      <xsl:if test="$portrait">
        <fo:simple-page-master master-name="gb-odd" page-width="210mm" page-height="297mm"
                               margin-top="10mm" margin-bottom="0mm" margin-left="28mm" margin-right="26mm">
          <fo:region-body margin-top="27mm" margin-bottom="35mm"/>
          <fo:region-before extent="27mm" display-align="after" region-name="gw-before-odd"/>
          <fo:region-after extent="35mm" region-name="gw-after-odd"/>
        </fo:simple-page-master>
        <fo:simple-page-master master-name="gb-even" page-width="210mm" page-height="297mm"
                               margin-top="10mm" margin-bottom="0mm" margin-left="26mm" margin-right="28mm">
          <fo:region-body margin-top="27mm" margin-bottom="35mm"/>
          <fo:region-before extent="27mm" display-align="after" region-name="gw-before-even"/>
          <fo:region-after extent="35mm" region-name="gw-after-even"/>
        </fo:simple-page-master>
        <fo:simple-page-master master-name="gb-blank" page-width="210mm" page-height="297mm"
                               margin-top="10mm" margin-bottom="0mm" margin-left="28mm" margin-right="26mm">
          <fo:region-body margin-top="27mm" margin-bottom="35mm"/>
          <fo:region-before extent="27mm" display-align="after" region-name="gw-before-blank"/>
          <fo:region-after extent="35mm" region-name="gw-after-blank"/>
        </fo:simple-page-master>
        <fo:page-sequence-master master-name="gb">
          <fo:repeatable-page-master-alternatives>
            <fo:conditional-page-master-reference master-reference="gb-blank" blank-or-not-blank="blank"/>
            <fo:conditional-page-master-reference master-reference="gb-odd" odd-or-even="odd"/>
            <fo:conditional-page-master-reference master-reference="gb-even" odd-or-even="even"/>
          </fo:repeatable-page-master-alternatives>
        </fo:page-sequence-master>
      </xsl:if>
      <xsl:if test="$turned">
        <!-- "gbt": the GB/T 9704 portrait page whose region-body is turned a quarter
             (reference-orientation 90, XSL 1.1 §7.21.3): a landscape table is set across the
             225 mm of the text area and read with the page turned clockwise, while the page
             number and the running head stay where they are on every other page -->
        <fo:simple-page-master master-name="gbt-odd" page-width="210mm" page-height="297mm"
                               margin-top="10mm" margin-bottom="0mm" margin-left="28mm" margin-right="26mm">
          <fo:region-body margin-top="27mm" margin-bottom="35mm" reference-orientation="90"/>
          <fo:region-before extent="27mm" display-align="after" region-name="gw-before-odd"/>
          <fo:region-after extent="35mm" region-name="gw-after-odd"/>
        </fo:simple-page-master>
        <fo:simple-page-master master-name="gbt-even" page-width="210mm" page-height="297mm"
                               margin-top="10mm" margin-bottom="0mm" margin-left="26mm" margin-right="28mm">
          <fo:region-body margin-top="27mm" margin-bottom="35mm" reference-orientation="90"/>
          <fo:region-before extent="27mm" display-align="after" region-name="gw-before-even"/>
          <fo:region-after extent="35mm" region-name="gw-after-even"/>
        </fo:simple-page-master>
        <fo:page-sequence-master master-name="gbt">
          <fo:repeatable-page-master-alternatives>
            <fo:conditional-page-master-reference master-reference="gb-blank" blank-or-not-blank="blank"/>
            <fo:conditional-page-master-reference master-reference="gbt-odd" odd-or-even="odd"/>
            <fo:conditional-page-master-reference master-reference="gbt-even" odd-or-even="even"/>
          </fo:repeatable-page-master-alternatives>
        </fo:page-sequence-master>
      </xsl:if>
      <xsl:if test="$landscape">
        <fo:simple-page-master master-name="ls-odd" page-width="297mm" page-height="210mm"
                               margin-top="8mm" margin-bottom="0mm" margin-left="20mm" margin-right="20mm">
          <fo:region-body margin-top="12mm" margin-bottom="25mm"/>
          <fo:region-before extent="12mm" display-align="after" region-name="gw-before-odd"/>
          <fo:region-after extent="25mm" region-name="gw-after-odd"/>
        </fo:simple-page-master>
        <fo:simple-page-master master-name="ls-even" page-width="297mm" page-height="210mm"
                               margin-top="8mm" margin-bottom="0mm" margin-left="20mm" margin-right="20mm">
          <fo:region-body margin-top="12mm" margin-bottom="25mm"/>
          <fo:region-before extent="12mm" display-align="after" region-name="gw-before-even"/>
          <fo:region-after extent="25mm" region-name="gw-after-even"/>
        </fo:simple-page-master>
        <fo:simple-page-master master-name="ls-blank" page-width="297mm" page-height="210mm"
                               margin-top="8mm" margin-bottom="0mm" margin-left="20mm" margin-right="20mm">
          <fo:region-body margin-top="12mm" margin-bottom="25mm"/>
          <fo:region-before extent="12mm" display-align="after" region-name="gw-before-blank"/>
          <fo:region-after extent="25mm" region-name="gw-after-blank"/>
        </fo:simple-page-master>
        <fo:page-sequence-master master-name="ls">
          <fo:repeatable-page-master-alternatives>
            <fo:conditional-page-master-reference master-reference="ls-blank" blank-or-not-blank="blank"/>
            <fo:conditional-page-master-reference master-reference="ls-odd" odd-or-even="odd"/>
            <fo:conditional-page-master-reference master-reference="ls-even" odd-or-even="even"/>
          </fo:repeatable-page-master-alternatives>
        </fo:page-sequence-master>
      </xsl:if>
    </fo:layout-master-set>
  </xsl:template>

  <!-- The static content of page numbers: "— N —", 4号 宋体, odd right / even left, one
       character (14 pt) in from the text-area edge. -->
  <xsl:template name="folios">
    <!-- extra: blocks printed below the page number on every page (e.g. the party's
         signature line of a 现场检查笔录) -->
    <xsl:param name="extra" select="''"/>
    <!-- sample: the record is a sample (sample="true"): every page says so in its header -->
    <xsl:param name="sample" select="/*/@sample = 'true' or /*/@sample = '1'"/>
    <xsl:if test="$sample">
      <fo:static-content flow-name="gw-before-odd">
        <xsl:call-template name="sample-mark"/>
      </fo:static-content>
      <fo:static-content flow-name="gw-before-even">
        <xsl:call-template name="sample-mark"/>
      </fo:static-content>
    </xsl:if>
    <fo:static-content flow-name="gw-after-odd">
      <fo:block font-family="宋体" font-size="14pt" line-height="14pt" padding-top="{$folio-padding}"
                text-align="end" end-indent="14pt" gx:grid="false">— <fo:page-number/> —</fo:block>
      <xsl:copy-of select="$extra"/>
    </fo:static-content>
    <fo:static-content flow-name="gw-after-even">
      <fo:block font-family="宋体" font-size="14pt" line-height="14pt" padding-top="{$folio-padding}"
                text-align="start" start-indent="14pt" gx:grid="false">— <fo:page-number/> —</fo:block>
      <xsl:copy-of select="$extra"/>
    </fo:static-content>
  </xsl:template>

  <!-- The header line of every page of a sample record's document: 样例 in a box at the
       right and what it means, so that a sample is never taken for a real document. -->
  <xsl:template name="sample-mark">
    <!-- in the faces the document already embeds (仿宋, 小标宋): no font added for it -->
    <fo:block font-family="仿宋" font-size="12pt" line-height="16pt" gx:grid="false" text-align="end"
              text-align-last="end" color="#c00000" space-after="3mm">
      <xsl:text>样例数据，不得作为正式文书使用　</xsl:text>
      <fo:inline font-family="小标宋" font-size="16pt" background-color="#c00000" color="white">　样例　</fo:inline>
    </fo:block>
  </xsl:template>

  <!-- Attributes of the flow of a GB/T 9704 document: body type on the character grid. -->
  <xsl:attribute-set name="gb-flow">
    <xsl:attribute name="font-family">仿宋</xsl:attribute>
    <xsl:attribute name="font-size">16pt</xsl:attribute>
    <xsl:attribute name="line-height">28.95pt</xsl:attribute>
    <xsl:attribute name="text-align">justify</xsl:attribute>
    <xsl:attribute name="gx:grid">true</xsl:attribute>
    <xsl:attribute name="gx:char-pitch">15.79pt</xsl:attribute>
    <xsl:attribute name="gx:line-pitch">28.95pt</xsl:attribute>
  </xsl:attribute-set>

  <!-- A body paragraph: first line in by 2 characters. -->
  <xsl:attribute-set name="gb-p">
    <xsl:attribute name="text-indent">31.58pt</xsl:attribute>
  </xsl:attribute-set>

  <!-- The 2号小标宋 title, centred, off the character grid (22 pt glyphs), on the line pitch. -->
  <xsl:attribute-set name="gb-title">
    <xsl:attribute name="font-family">小标宋</xsl:attribute>
    <xsl:attribute name="font-size">22pt</xsl:attribute>
    <xsl:attribute name="line-height">28.95pt</xsl:attribute>
    <xsl:attribute name="text-align">center</xsl:attribute>
    <xsl:attribute name="text-align-last">center</xsl:attribute>
    <xsl:attribute name="text-indent">0pt</xsl:attribute>
    <xsl:attribute name="gx:grid">false</xsl:attribute>
    <xsl:attribute name="keep-with-next">always</xsl:attribute>
  </xsl:attribute-set>

  <!-- Heading levels: 一、 黑体; （一） 楷体; 1. and （1） 仿宋 — all 3号, not bold. -->
  <xsl:attribute-set name="gb-h1">
    <xsl:attribute name="font-family">黑体</xsl:attribute>
    <xsl:attribute name="text-indent">31.58pt</xsl:attribute>
    <xsl:attribute name="keep-with-next">always</xsl:attribute>
  </xsl:attribute-set>
  <xsl:attribute-set name="gb-h2">
    <xsl:attribute name="font-family">楷体</xsl:attribute>
    <xsl:attribute name="text-indent">31.58pt</xsl:attribute>
    <xsl:attribute name="keep-with-next">always</xsl:attribute>
  </xsl:attribute-set>
  <xsl:attribute-set name="gb-h3">
    <xsl:attribute name="font-family">仿宋</xsl:attribute>
    <xsl:attribute name="text-indent">31.58pt</xsl:attribute>
    <xsl:attribute name="keep-with-next">always</xsl:attribute>
  </xsl:attribute-set>
</xsl:stylesheet>
