# R side of the ordinal rows of `npm run bench:stats`: times lavaan's polychorics (lavCor with every item
# ordered) and the whole WLSMV job (cfa(..., ordered = items, estimator = "WLSMV") then fitMeasures(), which
# the TypeScript result includes) on the CSV the TypeScript bench wrote, so both sides fit the same data in
# the same run. Usage: Rscript lavaan-ordinal-bench.R <data.csv> <model.lav> <runs>; prints one JSON object.
# Timing wraps the calls only (proc.time before/after), not reading the CSV or loading lavaan.
suppressMessages({ library(lavaan); library(jsonlite) })
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1], stringsAsFactors = FALSE)
model <- paste(readLines(args[2], warn = FALSE), collapse = "\n")
runs <- as.integer(args[3])
items <- setdiff(names(d), "site")
elapsed_ms <- function(fn) { t0 <- proc.time()[["elapsed"]]; value <- fn(); list(ms = 1000 * (proc.time()[["elapsed"]] - t0), value = value) }
time_runs <- function(fn) { out <- lapply(seq_len(runs), function(i) elapsed_ms(fn)); list(ms = sapply(out, `[[`, "ms"), value = out[[1]]$value) }
pc <- time_runs(function() lavCor(d[, items], ordered = items))
wl <- time_runs(function() { f <- cfa(model, data = d, ordered = items, estimator = "WLSMV"); list(fit = f, fm = fitMeasures(f)) })
cat(toJSON(list(
  polychoric = list(ms = pc$ms, first = unname(pc$value[2, 1])),
  wlsmv = list(ms = wl$ms, chisq_scaled = unname(wl$value$fm[["chisq.scaled"]]),
               converged = lavInspect(wl$value$fit, "converged")),
  lavaan = as.character(packageVersion("lavaan"))
), auto_unbox = TRUE, digits = I(10)))
