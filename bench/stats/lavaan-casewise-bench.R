# R side of the MLR and FIML rows of `npm run bench:stats`: times lavaan::cfa with the given estimator and
# missing-data handling on the CSV the TypeScript bench wrote (same data, same run).
# Usage: Rscript lavaan-casewise-bench.R <data.csv> <model.lav> <runs> <estimator> <missing>
# Prints one JSON object on stdout. Timing wraps the cfa() call only (proc.time before/after).
suppressMessages({ library(lavaan); library(jsonlite) })
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1], stringsAsFactors = FALSE)
model <- paste(readLines(args[2], warn = FALSE), collapse = "\n")
runs <- as.integer(args[3])
ms <- numeric(runs)
for (i in seq_len(runs)) {
  t0 <- proc.time()[["elapsed"]]
  fit <- cfa(model, data = d, estimator = args[4], missing = args[5])
  ms[i] <- 1000 * (proc.time()[["elapsed"]] - t0)
}
fm <- fitMeasures(fit)
cat(toJSON(list(ms = I(ms), chisq = unname(fm["chisq"]),
                chisq_scaled = if ("chisq.scaled" %in% names(fm)) unname(fm["chisq.scaled"]) else NA,
                ntotal = lavInspect(fit, "ntotal"), converged = lavInspect(fit, "converged")),
           auto_unbox = TRUE, digits = I(10), na = "null"))
