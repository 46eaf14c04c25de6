# R side of `npm run bench:stats`: times psych::alpha, lavaan::cfa and a 2-group scalar-invariance fit on the
# CSV that the TypeScript bench wrote, so both sides fit the same data in the same run.
# Usage: Rscript lavaan-bench.R <data.csv> <model.lav> <runs>. Prints one JSON object on stdout.
# Timing wraps the call only (proc.time before/after), not reading the CSV.
suppressMessages({ library(lavaan); library(psych); library(jsonlite) })
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1], stringsAsFactors = FALSE)
model <- paste(readLines(args[2], warn = FALSE), collapse = "\n")
runs <- as.integer(args[3])
alpha_items <- sprintf("q%02d", 1:6)
elapsed_ms <- function(expr_fn) { t0 <- proc.time()[["elapsed"]]; value <- expr_fn(); list(ms = 1000 * (proc.time()[["elapsed"]] - t0), value = value) }
time_runs <- function(fn) { out <- lapply(seq_len(runs), function(i) elapsed_ms(fn)); list(ms = sapply(out, `[[`, "ms"), value = out[[1]]$value) }
a <- time_runs(function() alpha(d[, alpha_items], keys = "q05", warnings = FALSE))
f <- time_runs(function() cfa(model, data = d))
s <- time_runs(function() cfa(model, data = d, group = "site", group.equal = c("loadings", "intercepts")))
cat(toJSON(list(
  alpha = list(ms = a$ms, value = a$value$total$raw_alpha),
  cfa = list(ms = f$ms, chisq = unname(fitMeasures(f$value, "chisq")), converged = lavInspect(f$value, "converged")),
  scalar = list(ms = s$ms, chisq = unname(fitMeasures(s$value, "chisq")), converged = lavInspect(s$value, "converged")),
  versions = list(lavaan = as.character(packageVersion("lavaan")), psych = as.character(packageVersion("psych")))
), auto_unbox = TRUE, digits = I(10)))
