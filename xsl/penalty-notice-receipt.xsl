<?xml version="1.0" encoding="UTF-8"?>
<!-- penalty-notice-receipt.xsl — 送达回证 of the 行政处罚告知书 (case-receipt.xsl for sanction/notice;
     xsl/documents.xml makes it only when that document was not served with the order). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="case-receipt.xsl"/>
  <xsl:variable name="receipt-for" select="'notice'"/>
</xsl:stylesheet>
