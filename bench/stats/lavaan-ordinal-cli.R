# The R side of the WLSMV CLI wall-time comparison in `npm run bench:stats`: the same job as
# `hc-stats cfa --data <data.csv> --model <model.lav> --ordered all` in one Rscript run — load lavaan, read
# the CSV, fit by WLSMV with every indicator ordered, print the fit measures (names with `.` → `_`, as the CLI)
# and parameterEstimates(standardized = TRUE) as one JSON object.
# Usage: Rscript lavaan-ordinal-cli.R <data.csv> <model.lav>
suppressMessages({ library(lavaan); library(jsonlite) })
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1])
model <- paste(readLines(args[2], warn = FALSE), collapse = "\n")
fit <- cfa(model, data = d, ordered = lavNames(model, "ov"), estimator = "WLSMV")
fm <- as.list(fitMeasures(fit)); names(fm) <- gsub(".", "_", names(fm), fixed = TRUE)
cat(toJSON(c(fm, list(estimates = parameterEstimates(fit, standardized = TRUE))),
           auto_unbox = TRUE, digits = NA), "\n")
