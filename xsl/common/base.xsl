<?xml version="1.0" encoding="UTF-8"?>
<!-- common/base.xsl — shared by every gongwen stylesheet: parameters, GB/T 9704 numbers,
     dates (gw: extension functions with a pure-XSLT fallback for plain xsltproc),
     document numbers, regime look-up, PDF metadata.

     Parameters (all optional):
       date-style    ''      dates as 2015年6月22日 (default, GB/T 9704-2012)
                     'upper' dates as 二〇一五年六月二十二日
       regime-href   URI of the regime record a case/inspection refers to (gongwen render and
                     batch pass the file validation found); when empty it is looked up by id
                     in the regime table below, relative to regime-dir (gongwen xslt)
       regime-dir    directory of the regime records relative to the record ('../': records
                     under xml/cases/, xml/inspections/, xml/examples/); '-' = do not read the
                     regime (use the dates stored in the record)
     Namespaces: r = records, gw = extension functions (C, src/transform/), gx = FO extensions
     (grid mode), gwd = data private to these stylesheets. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:fo="http://www.w3.org/1999/XSL/Format"
                xmlns:r="urn:gongwen:record:1"
                xmlns:gw="urn:gongwen:xslt:1"
                xmlns:gx="urn:gongwen:fo:1"
                xmlns:gwd="urn:gongwen:xsl-data:1"
                exclude-result-prefixes="r gw gwd">

  <xsl:param name="date-style" select="''"/>
  <xsl:param name="regime-href" select="''"/>
  <xsl:param name="regime-dir" select="'../'"/>

  <!-- ===== GB/T 9704 numbers (see /work/shared/reference/gbt9704.md) ===== -->
  <!-- 156 mm / 28 characters, 225 mm / 22 lines -->
  <xsl:variable name="gb-char" select="15.79"/>
  <xsl:variable name="gb-line" select="28.95"/>
  <xsl:variable name="gb-char-pt" select="'15.79pt'"/>
  <xsl:variable name="gb-line-pt" select="'28.95pt'"/>
  <!-- text indent of a paragraph: 2 characters on the grid -->
  <xsl:variable name="gb-indent" select="'31.58pt'"/>
  <!-- the fonts of the type roles (fonts/fonts.conf maps them to installed faces) -->
  <xsl:variable name="font-body" select="'仿宋'"/>
  <xsl:variable name="font-title" select="'小标宋'"/>
  <xsl:variable name="font-h1" select="'黑体'"/>
  <xsl:variable name="font-h2" select="'楷体'"/>
  <xsl:variable name="font-folio" select="'宋体'"/>

  <!-- The regime records by id (file names of xml/regime-*.xml). -->
  <gwd:regimes>
    <gwd:regime id="regime-1" href="regime-1-production-licence.xml"/>
    <gwd:regime id="regime-2" href="regime-2-testing-bodies.xml"/>
    <gwd:regime id="regime-3" href="regime-3-verification-bodies.xml"/>
    <gwd:regime id="regime-4" href="regime-4-measuring-instruments.xml"/>
    <gwd:regime id="regime-5" href="regime-5-verification-staff.xml"/>
    <gwd:regime id="regime-6" href="regime-6-product-sampling.xml"/>
    <gwd:regime id="regime-7" href="regime-7-special-equipment.xml"/>
  </gwd:regimes>

  <!-- The regime record with id $id as a node-set (its document node), or empty. -->
  <xsl:template name="regime-uri">
    <xsl:param name="id"/>
    <xsl:choose>
      <xsl:when test="$regime-href != ''"><xsl:value-of select="$regime-href"/></xsl:when>
      <xsl:when test="$regime-dir = '-'"/>
      <xsl:otherwise>
        <xsl:variable name="file" select="document('')/*/gwd:regimes/gwd:regime[@id = $id]/@href"/>
        <xsl:if test="$file">
          <xsl:value-of select="concat($regime-dir, $file)"/>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===== dates ===== -->

  <!-- An ISO date printed as the document's dates are (date-style). -->
  <xsl:template name="date">
    <xsl:param name="iso"/>
    <xsl:choose>
      <xsl:when test="string($iso) = ''"/>
      <xsl:when test="$date-style = 'upper'">
        <xsl:call-template name="date-cn-upper"><xsl:with-param name="iso" select="$iso"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="date-cn"><xsl:with-param name="iso" select="$iso"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- 2015-06-22 → 2015年6月22日 -->
  <xsl:template name="date-cn">
    <xsl:param name="iso"/>
    <xsl:choose>
      <xsl:when test="function-available('gw:date-cn')"><xsl:value-of select="gw:date-cn(string($iso))"/></xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="concat(number(substring($iso, 1, 4)), '年', number(substring($iso, 6, 2)), '月', number(substring($iso, 9, 2)), '日')"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- 2015-06-22 → 二〇一五年六月二十二日 -->
  <xsl:template name="date-cn-upper">
    <xsl:param name="iso"/>
    <xsl:choose>
      <xsl:when test="function-available('gw:date-cn-upper')"><xsl:value-of select="gw:date-cn-upper(string($iso))"/></xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="translate(substring($iso, 1, 4), '0123456789', '〇一二三四五六七八九')"/>
        <xsl:text>年</xsl:text>
        <xsl:call-template name="small-cn"><xsl:with-param name="n" select="number(substring($iso, 6, 2))"/></xsl:call-template>
        <xsl:text>月</xsl:text>
        <xsl:call-template name="small-cn"><xsl:with-param name="n" select="number(substring($iso, 9, 2))"/></xsl:call-template>
        <xsl:text>日</xsl:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- 1–99 in Chinese numerals as in dates (fallback only). -->
  <xsl:template name="small-cn">
    <xsl:param name="n"/>
    <xsl:variable name="d" select="'〇一二三四五六七八九'"/>
    <xsl:if test="$n &gt;= 20"><xsl:value-of select="substring($d, floor($n div 10) + 1, 1)"/></xsl:if>
    <xsl:if test="$n &gt;= 10">十</xsl:if>
    <xsl:if test="$n mod 10 != 0 or $n &lt; 10"><xsl:value-of select="substring($d, $n mod 10 + 1, 1)"/></xsl:if>
  </xsl:template>

  <!-- The deadline $days days after the ISO date $from (gw:deadline), as an ISO date. -->
  <xsl:template name="deadline">
    <xsl:param name="from"/>
    <xsl:param name="days"/>
    <xsl:choose>
      <xsl:when test="function-available('gw:deadline')"><xsl:value-of select="gw:deadline(string($from), number($days))"/></xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="date-add-fallback">
          <xsl:with-param name="iso" select="$from"/>
          <xsl:with-param name="days" select="$days"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ISO date + days without extension functions (Julian day numbers). -->
  <xsl:template name="date-add-fallback">
    <xsl:param name="iso"/>
    <xsl:param name="days"/>
    <xsl:variable name="y" select="number(substring($iso, 1, 4))"/>
    <xsl:variable name="m" select="number(substring($iso, 6, 2))"/>
    <xsl:variable name="d" select="number(substring($iso, 9, 2))"/>
    <xsl:variable name="a" select="floor((14 - $m) div 12)"/>
    <xsl:variable name="yy" select="$y + 4800 - $a"/>
    <xsl:variable name="mm" select="$m + 12 * $a - 3"/>
    <xsl:variable name="jdn" select="$d + floor((153 * $mm + 2) div 5) + 365 * $yy + floor($yy div 4) - floor($yy div 100) + floor($yy div 400) - 32045 + number($days)"/>
    <xsl:variable name="A" select="$jdn + 32044"/>
    <xsl:variable name="B" select="floor((4 * $A + 3) div 146097)"/>
    <xsl:variable name="C" select="$A - floor(146097 * $B div 4)"/>
    <xsl:variable name="D" select="floor((4 * $C + 3) div 1461)"/>
    <xsl:variable name="E" select="$C - floor(1461 * $D div 4)"/>
    <xsl:variable name="M" select="floor((5 * $E + 2) div 153)"/>
    <xsl:variable name="day" select="$E - floor((153 * $M + 2) div 5) + 1"/>
    <xsl:variable name="month" select="$M + 3 - 12 * floor($M div 10)"/>
    <xsl:variable name="year" select="100 * $B + $D - 4800 + floor($M div 10)"/>
    <xsl:value-of select="concat(format-number($year, '0000'), '-', format-number($month, '00'), '-', format-number($day, '00'))"/>
  </xsl:template>

  <!-- hh:mm → 9时30分 -->
  <xsl:template name="time-cn">
    <xsl:param name="hhmm"/>
    <xsl:value-of select="concat(number(substring($hhmm, 1, 2)), '时', substring($hhmm, 4, 2), '分')"/>
  </xsl:template>

  <!-- Amounts in yuan: 20,000.00 and 人民币贰万元整 (gw:amount-fmt / gw:amount-cn). -->
  <xsl:template name="amount-fmt">
    <xsl:param name="yuan"/>
    <xsl:choose>
      <xsl:when test="function-available('gw:amount-fmt')"><xsl:value-of select="gw:amount-fmt(string($yuan))"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="format-number($yuan, '#,##0.00')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template name="amount-cn">
    <xsl:param name="yuan"/>
    <xsl:if test="function-available('gw:amount-cn')"><xsl:value-of select="gw:amount-cn(string($yuan))"/></xsl:if>
  </xsl:template>

  <!-- ===== document numbers ===== -->

  <!-- <doc-number prefix="永质监责改" year="2015" serial="14"/> → 永质监责改〔2015〕14号;
       ordinal="true" → 永质监特令〔2015〕第3号 -->
  <xsl:template match="r:doc-number" mode="docno">
    <xsl:value-of select="concat(@prefix, '〔', @year, '〕')"/>
    <xsl:if test="@ordinal = 'true' or @ordinal = '1'">第</xsl:if>
    <xsl:value-of select="concat(number(@serial), '号')"/>
  </xsl:template>

  <!-- The label of a regime section as cited: 四（六）2 (the printed labels without 、 and .). -->
  <xsl:template match="r:section" mode="cite">
    <xsl:for-each select="ancestor-or-self::r:section">
      <xsl:value-of select="translate(@label, '、.．', '')"/>
    </xsl:for-each>
  </xsl:template>

  <!-- 《事中事后监督管理制度（六）产品质量监督抽查监管》 -->
  <xsl:template match="r:regime" mode="cite">
    <xsl:value-of select="concat('《', r:part/@title, r:title/@label, r:title, '》')"/>
  </xsl:template>

  <!-- ===== PDF metadata ===== -->
  <xsl:template name="metadata">
    <xsl:param name="title"/>
    <xsl:param name="creator" select="''"/>
    <xsl:param name="description" select="''"/>
    <fo:declarations>
      <x:xmpmeta xmlns:x="adobe:ns:meta/">
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
          <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <dc:title><xsl:value-of select="$title"/></dc:title>
            <xsl:if test="$creator != ''"><dc:creator><xsl:value-of select="$creator"/></dc:creator></xsl:if>
            <xsl:if test="$description != ''"><dc:description><xsl:value-of select="$description"/></dc:description></xsl:if>
          </rdf:Description>
        </rdf:RDF>
      </x:xmpmeta>
    </fo:declarations>
  </xsl:template>

  <!-- Estimated width, in characters of the body size, of a one-line text: full-width
       characters count 1, ASCII 0.5 (used to centre the organ name over the date). -->
  <xsl:template name="text-width">
    <xsl:param name="s"/>
    <xsl:variable name="ascii" select="string-length($s) - string-length(translate($s, ' !&quot;#$%&amp;()*+,-./0123456789:;&lt;=&gt;?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\]^_abcdefghijklmnopqrstuvwxyz{|}~', ''))"/>
    <xsl:value-of select="string-length($s) - $ascii * 0.5"/>
  </xsl:template>
</xsl:stylesheet>
