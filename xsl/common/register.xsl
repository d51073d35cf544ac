<?xml version="1.0" encoding="UTF-8"?>
<!-- common/register.xsl — the pieces the three registers (部门职责 / 职责边界 / 公共服务事项
     登记表) share: landscape page sequence, the form title (一、部门职责登记表), the
     部门名称：…（盖章） line, ruled table cells, the notes (注：1.… 2.…) and the
     填报人 / 填报时间 / 联系电话 line. Every text of the record is printed exactly as stored
     (labels included), so the printed form can be compared with the seed. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:fo="http://www.w3.org/1999/XSL/Format"
                xmlns:r="urn:gongwen:record:1"
                xmlns:gx="urn:gongwen:fo:1"
                exclude-result-prefixes="r">

  <!-- Body type of the registers: 小四 (12 pt) 仿宋; header cells 黑体. -->
  <xsl:variable name="reg-size" select="'12pt'"/>
  <xsl:variable name="reg-line" select="'18pt'"/>

  <xsl:attribute-set name="reg-flow">
    <xsl:attribute name="font-family">仿宋</xsl:attribute>
    <xsl:attribute name="font-size">12pt</xsl:attribute>
    <xsl:attribute name="line-height">18pt</xsl:attribute>
    <xsl:attribute name="gx:grid">false</xsl:attribute>
  </xsl:attribute-set>

  <xsl:attribute-set name="reg-table">
    <xsl:attribute name="table-layout">fixed</xsl:attribute>
    <xsl:attribute name="width">100%</xsl:attribute>
    <xsl:attribute name="border-collapse">collapse</xsl:attribute>
    <xsl:attribute name="border">0.75pt solid black</xsl:attribute>
  </xsl:attribute-set>

  <!-- padding-end 2.5 mm: a closing mark that hangs at a line end (悬挂, half an em of
       ink) stays inside the cell's rule -->
  <xsl:attribute-set name="reg-cell">
    <xsl:attribute name="border">0.75pt solid black</xsl:attribute>
    <xsl:attribute name="padding">1.5mm</xsl:attribute>
    <xsl:attribute name="padding-end">2.5mm</xsl:attribute>
    <xsl:attribute name="display-align">center</xsl:attribute>
  </xsl:attribute-set>

  <xsl:attribute-set name="reg-head-cell" use-attribute-sets="reg-cell">
    <xsl:attribute name="font-family">黑体</xsl:attribute>
    <xsl:attribute name="text-align">center</xsl:attribute>
    <xsl:attribute name="background-color">#f2f2f2</xsl:attribute>
  </xsl:attribute-set>

  <!-- The form's title and 部门名称 line. marker: running-header text (annual). -->
  <xsl:template name="register-head">
    <xsl:param name="marker" select="''"/>
    <fo:block id="{/*/@id}" font-family="小标宋" font-size="20pt" line-height="30pt"
              text-align="center" space-after="4mm" keep-with-next.within-page="always">
      <xsl:if test="$marker != ''">
        <fo:marker marker-class-name="running"><xsl:value-of select="$marker"/></fo:marker>
      </xsl:if>
      <xsl:value-of select="concat(r:part/@label, r:part/@title)"/>
    </fo:block>
    <fo:block font-size="14pt" line-height="21pt" space-after="2mm" keep-with-next.within-page="always">
      <xsl:value-of select="concat(r:department/@label, r:department/r:name, r:department/r:seal)"/>
    </fo:block>
  </xsl:template>

  <!-- One header row from <columns> (or the given defaults). -->
  <xsl:template match="r:columns" mode="register-header">
    <fo:table-header>
      <fo:table-row keep-together.within-page="always">
        <xsl:for-each select="r:column">
          <fo:table-cell xsl:use-attribute-sets="reg-head-cell">
            <fo:block><xsl:value-of select="."/></fo:block>
          </fo:table-cell>
        </xsl:for-each>
      </fo:table-row>
      <xsl:call-template name="continuation-row"><xsl:with-param name="ncols" select="count(r:column)"/></xsl:call-template>
    </fo:table-header>
  </xsl:template>

  <!-- A header row from a space-separated list of captions (records without <columns>). -->
  <xsl:template name="default-header">
    <xsl:param name="names"/>
    <fo:table-header>
      <fo:table-row keep-together.within-page="always">
        <xsl:call-template name="default-header-cells"><xsl:with-param name="names" select="$names"/></xsl:call-template>
      </fo:table-row>
      <xsl:call-template name="continuation-row">
        <xsl:with-param name="ncols" select="string-length($names) - string-length(translate($names, ' ', ''))"/>
      </xsl:call-template>
    </fo:table-header>
  </xsl:template>
  <xsl:template name="default-header-cells">
    <xsl:param name="names"/>
    <xsl:if test="contains($names, ' ')">
      <fo:table-cell xsl:use-attribute-sets="reg-head-cell"><fo:block><xsl:value-of select="substring-before($names, ' ')"/></fo:block></fo:table-cell>
      <xsl:call-template name="default-header-cells"><xsl:with-param name="names" select="substring-after($names, ' ')"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- A group (a duty, a matter) whose spanning 序号 and 主要职责 cells continue on the next
       page: the header repeated there gets a second row, 续表 with the group's 序号 and
       主要职责, retrieved (fo:retrieve-table-marker, XSL 1.1 §6.13.7) from the marker of the
       first row of that page's table fragment. Rows that open a group set an empty marker,
       so the row is empty (no padding, no borders: no height) where a group starts. -->
  <xsl:template name="continuation-row">
    <xsl:param name="ncols"/>
    <fo:table-row>
      <fo:table-cell number-columns-spanned="{$ncols}" padding="0pt">
        <fo:block>
          <fo:retrieve-table-marker retrieve-class-name="reg-group" retrieve-position-within-table="first-including-carryover"
                                    retrieve-boundary-within-table="table-fragment"/>
        </fo:block>
      </fo:table-cell>
    </fo:table-row>
  </xsl:template>

  <!-- The marker of a row of a group (initial child of one of its cells): empty on the row
       that opens the group, else 续表 + the group's number and text. -->
  <xsl:template name="group-marker">
    <xsl:param name="first"/>
    <xsl:param name="num"/>
    <xsl:param name="text"/>
    <fo:marker marker-class-name="reg-group">
      <xsl:if test="not($first)">
        <fo:block border="0.75pt solid black" border-top-style="none" padding="1.5mm" padding-end="2.5mm"
                  font-family="楷体" text-align="start">
          <xsl:value-of select="concat('续表　', $num, '　', $text)"/>
        </fo:block>
      </xsl:if>
    </fo:marker>
  </xsl:template>

  <!-- 质量监督股、稽查股 -->
  <xsl:template match="r:offices" mode="register">
    <xsl:for-each select="r:office">
      <xsl:if test="position() &gt; 1">、</xsl:if>
      <xsl:value-of select="."/>
    </xsl:for-each>
  </xsl:template>

  <!-- 注：1.…；  2.… — the first note follows the caption, the others line up under it
       (hanging indent of the caption's width). -->
  <xsl:template match="r:notes" mode="register">
    <xsl:variable name="w" select="concat(string-length(@label), 'em')"/>
    <fo:block space-before="3mm" keep-with-previous.within-page="always" start-indent="{$w}">
      <xsl:for-each select="r:note">
        <fo:block>
          <xsl:if test="position() = 1">
            <xsl:attribute name="text-indent"><xsl:value-of select="concat('-', $w)"/></xsl:attribute>
            <xsl:value-of select="../@label"/>
          </xsl:if>
          <xsl:value-of select="concat(@label, .)"/>
        </fo:block>
      </xsl:for-each>
    </fo:block>
  </xsl:template>

  <!-- 填报人：金涛　　填报时间：2015年6月22日　　联系电话：18131678715 -->
  <xsl:template match="r:filler" mode="register">
    <fo:block space-before="3mm" keep-with-previous.within-page="always" font-size="14pt" line-height="21pt">
      <xsl:value-of select="concat(r:name/@label, r:name)"/>
      <fo:leader leader-pattern="space" leader-length="30mm"/>
      <xsl:value-of select="r:date/@label"/>
      <xsl:choose>
        <xsl:when test="$date-style = 'upper' and r:date/@value">
          <xsl:call-template name="date"><xsl:with-param name="iso" select="r:date/@value"/></xsl:call-template>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="r:date"/></xsl:otherwise>
      </xsl:choose>
      <xsl:if test="r:phone">
        <fo:leader leader-pattern="space" leader-length="30mm"/>
        <xsl:value-of select="concat(r:phone/@label, r:phone)"/>
      </xsl:if>
    </fo:block>
  </xsl:template>

  <!-- The whole register document (landscape), content from mode register-content. -->
  <xsl:template name="register-document">
    <xsl:param name="title"/>
    <fo:root xml:lang="zh-CN">
      <xsl:call-template name="page-masters">
        <xsl:with-param name="portrait" select="false()"/>
        <xsl:with-param name="landscape" select="true()"/>
      </xsl:call-template>
      <xsl:call-template name="metadata">
        <xsl:with-param name="title" select="$title"/>
        <xsl:with-param name="creator" select="*/r:department/r:name"/>
      </xsl:call-template>
      <fo:page-sequence master-reference="ls" language="zh" country="CN">
        <xsl:call-template name="folios"/>
        <fo:flow flow-name="xsl-region-body" xsl:use-attribute-sets="reg-flow">
          <xsl:apply-templates select="*" mode="register-content"/>
        </fo:flow>
      </fo:page-sequence>
    </fo:root>
  </xsl:template>
</xsl:stylesheet>
