package org.labrange.ranges.service;

import org.labrange.ranges.domain.Category;
import org.labrange.ranges.domain.RangeContent;

/** A new range: its fixed identity (analyte, source, category) plus its first content. */
public record NewRange(String analyteCode, String sourceCode, Category category, RangeContent content) {}
