## Syntax/default features against lavaan 0.6-14 (R 4.2.2): for each model, lavaan's chisq, df, npar, CFI and
## SRMR with default settings, plus parameterEstimates rows (lhs, op, rhs, group, est) so that the TS port's row
## order, fixed values and defaults (markers, std.lv, labels, fixed covariances, intercepts, group.equal
## classes) are checked. Run from this folder: Rscript lavaan-features.R  (writes lavaan-features.json)
suppressMessages({ library(lavaan); library(jsonlite) })
HS <- HolzingerSwineford1939
cases <- list(
  list(id = "cross_loading_and_residual_cov", model = "visual =~ x1 + x2 + x3 + x9\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9\nx2 ~~ x7"),
  list(id = "orthogonal_pair_and_swapped_cov", model = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9\ntextual ~~ 0*visual\nx6 ~~ x1"),
  list(id = "labels_equal_loadings", model = "f =~ x4 + a*x5 + a*x6 + x7"),
  list(id = "free_marker_fixed_variance", model = "f =~ NA*x1 + x2 + x3 + x4\nf ~~ 1*f"),
  list(id = "fixed_loading_and_variance", model = "f =~ x1 + 0.5*x2 + x3 + x4\nx3 ~~ 0.8*x3"),
  list(id = "std_lv_three_factor", model = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9", std.lv = TRUE),
  list(id = "four_factors_lv_cov_order", model = "a =~ x1 + x2\nb =~ x3 + x4\nc =~ x5 + x6\nd =~ x7 + x8 + x9"),
  list(id = "intercept_syntax", model = "f =~ x1 + x2 + x3 + x4\nx1 ~ 1"),
  list(id = "mg_std_lv_loadings", model = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6", group = "school", group.equal = "loadings", std.lv = TRUE),
  list(id = "mg_intercepts_only", model = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6", group = "school", group.equal = "intercepts"),
  list(id = "mg_residuals_lv_variances", model = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6", group = "school",
       group.equal = c("loadings", "residuals", "lv.variances", "lv.covariances")),
  list(id = "mg_label_across_groups", model = "visual =~ x1 + b*x2 + x3\ntextual =~ x4 + x5 + x6", group = "school"),
  list(id = "mg_numeric_group_sex", model = "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6", group = "sex", group.equal = c("loadings", "intercepts"))
)
out <- lapply(cases, function(cs) {
  args <- list(model = cs$model, data = HS)
  for (k in c("group", "group.equal", "std.lv")) if (!is.null(cs[[k]])) args[[k]] <- cs[[k]]
  fit <- tryCatch(do.call("cfa", args), error = function(e) stop(cs$id, ": ", conditionMessage(e)))
  pe <- parameterEstimates(fit); keep <- pe$op %in% c("=~", "~~", "~1")
  c(cs, list(fit = as.list(unclass(fitMeasures(fit, c("chisq", "df", "npar", "cfi", "tli", "srmr")))),
             group_labels = I(lavInspect(fit, "group.label")),
             params = data.frame(lhs = pe$lhs[keep], op = pe$op[keep], rhs = pe$rhs[keep],
                                 group = if (is.null(pe$group)) 1L else pe$group[keep], est = pe$est[keep])))
})
writeLines(toJSON(list(meta = list(R = R.version.string, lavaan = as.character(packageVersion("lavaan"))), cases = out),
                  auto_unbox = TRUE, digits = NA, pretty = TRUE, dataframe = "rows"), "lavaan-features.json")
cat("written\n")
