# The R side of the CLI wall-time comparison in `npm run bench:stats`: the same job as
# `hc-stats cfa --data <data.csv> --model <model.lav>` in one Rscript run — load lavaan, read the CSV, fit
# the CFA, print the fit measures and parameterEstimates(standardized = TRUE) as one JSON object.
# Usage: Rscript lavaan-cli.R <data.csv> <model.lav>
suppressMessages({ library(lavaan); library(jsonlite) })
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1])
fit <- cfa(paste(readLines(args[2], warn = FALSE), collapse = "\n"), data = d)
cat(toJSON(c(as.list(fitMeasures(fit)), list(estimates = parameterEstimates(fit, standardized = TRUE))),
           auto_unbox = TRUE, digits = NA), "\n")
