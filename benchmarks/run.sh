#!/usr/bin/env bash
# Runs the ShareNum benchmarks and regenerates the tables and plots of benchmarks/README.md from the JSON.
#   benchmarks/run.sh table      # ~20 min: ShareNum (buffer and list) against the per-tool index, 5/30/100 km x common/rare, 2 forks, -prof gc
#   benchmarks/run.sh peers      # ~20 min: every other peer at 30 km, common and rare, 2 forks
#   benchmarks/run.sh stability  # ~12 min: one 5-minute run each of ShareNum and the per-tool index at 30 km, every iteration kept
#   benchmarks/run.sh build      # ~10 min: build time (JMH) and retained heap (one JVM per peer)
#   benchmarks/run.sh cost       # ~3 min: the cost model's constants (time = a + b x sites + c x hits)
#   benchmarks/run.sh rest       # ~5 min: updates under queries, event fan-out
#   benchmarks/run.sh others     # ~5 min: indicators, mail throughput to a local SMTP sink, Annuaire import
#   benchmarks/run.sh cluster    # ~10 min: change-feed propagation with three instances, a start on 1,000,000 stored members (PostgreSQL)
#   benchmarks/run.sh all        # all of the above, then the report
#   benchmarks/run.sh report     # only the report, from the JSON already in benchmarks/results
# Long runs are never part of ./mvnw verify.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-all}
./mvnw -q -B -pl benchmarks -am package -DskipTests
jar=benchmarks/target/benchmarks.jar
out=benchmarks/results
mkdir -p "$out"

table() {
  java -jar "$jar" MatchingBenchmark -p radiusKm=5,30,100 -p query=common,rare -p engine=sharenum,sharenum-list,per-tool \
    -f 2 -wi 3 -w 1 -i 5 -r 1 -prof gc -rf json -rff "$out/matching.json"
}
peers() {
  java -jar "$jar" MatchingBenchmark -p radiusKm=30 -p query=common,rare -p engine=strtree,hprtree,rtree2,lucene,h3,scan \
    -f 2 -wi 2 -w 1 -i 3 -r 1 -prof gc -rf json -rff "$out/matching-peers.json"
}
stability() {
  java -jar "$jar" MatchingBenchmark -p radiusKm=30 -p query=common -p engine=sharenum,per-tool \
    -f 1 -wi 3 -w 1 -i 60 -r 5 -prof gc -rf json -rff "$out/stability.json"
}
build() {
  java -jar "$jar" BuildBenchmark -f 2 -wi 3 -i 5 -rf json -rff "$out/build.json"
  rm -f "$out/footprint.jsonl"
  for peer in sharenum per-tool strtree hprtree rtree2 lucene h3; do
    java -Xmx8g -cp "$jar" fr.sharenum.benchmarks.MemoryFootprint "$peer" 1000000 "$out/footprint.jsonl"
  done
}
cost() {
  java -Xmx8g -cp "$jar" fr.sharenum.benchmarks.CostModel sharenum,per-tool 1000000 "$out/cost-model.json"
}
rest() {
  java -jar "$jar" "UpdateBenchmark|FanOutBenchmark" -f 2 -wi 3 -w 1 -i 5 -r 1 -rf json -rff "$out/update-fanout.json"
}
others() {
  java -jar "$jar" IndicatorsBenchmark -f 1 -wi 2 -i 3 -rf json -rff "$out/indicators.json"
  java -jar "$jar" MailThroughputBenchmark -rf json -rff "$out/mail.json"
  java -jar "$jar" AnnuaireBenchmark -f 1 -wi 2 -i 3 -rf json -rff "$out/annuaire.json"
}
cluster() {
  java -cp "$jar" fr.sharenum.benchmarks.FeedPropagationBenchmark 600 20
  java -Xmx6g -cp "$jar" fr.sharenum.benchmarks.FastStartBenchmark 1000000
}
case "$mode" in
  table) table ;;
  peers) peers ;;
  stability) stability ;;
  build) build ;;
  rest) rest ;;
  cost) cost ;;
  others) others ;;
  cluster) cluster ;;
  all) table; peers; stability; build; cost; rest; others; cluster ;;
  report) ;;
  *) echo "usage: $0 [table|peers|stability|build|rest|cost|others|cluster|all|report]" >&2; exit 2 ;;
esac
java -cp "$jar" fr.sharenum.benchmarks.Report benchmarks
