#!/usr/bin/env bash
# Runs the ShareNum benchmarks and regenerates the tables of benchmarks/README.md from the JSON.
#   benchmarks/run.sh table     # about 7 minutes on 2 cores: the matching table only (1,000,000 members, 30 km, every engine)
#   benchmarks/run.sh short     # about 15 minutes: the table, real establishments, build, updates, fan-out, memory
#   benchmarks/run.sh scaling   # adds 10k/100k members at 30 km and 5/100 km at 1M (the plots), short iterations
#   benchmarks/run.sh full      # publication: 10k/100k/1M members × 5/30/100 km, longer iterations, 2 forks
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-short}
./mvnw -q -B -pl benchmarks -am package -DskipTests
jar=benchmarks/target/benchmarks.jar
out=benchmarks/results
mkdir -p "$out"
case "$mode" in
  short)
    opts=(-wi 1 -i 3 -w 1 -r 1 -f 1)
    matching=(-p members=1000000 -p radiusKm=30) ;;
  table)
    java -jar "$jar" MatchingBenchmark -p members=1000000 -p radiusKm=30 -wi 1 -i 3 -w 1 -r 1 -f 1 -rf json -rff "$out/matching.json"
    java -cp "$jar" fr.sharenum.benchmarks.Report benchmarks
    exit 0 ;;
  scaling)
    opts=(-wi 1 -i 2 -w 1 -r 1 -f 1)
    java -jar "$jar" MatchingBenchmark -p members=10000,100000 -p radiusKm=30 "${opts[@]}" -rf json -rff "$out/matching-members.json"
    java -jar "$jar" MatchingBenchmark -p members=1000000 -p radiusKm=5,100 "${opts[@]}" -rf json -rff "$out/matching-radius.json"
    java -cp "$jar" fr.sharenum.benchmarks.Report benchmarks
    exit 0 ;;
  full)
    opts=(-wi 5 -i 10 -w 3 -r 3 -f 2)
    matching=(-p members=10000,100000,1000000 -p radiusKm=5,30,100) ;;
  *) echo "usage: $0 [table|short|scaling|full]" >&2; exit 2 ;;
esac
java -jar "$jar" MatchingBenchmark "${matching[@]}" "${opts[@]}" -rf json -rff "$out/matching.json"
annuaire=${SHARENUM_ANNUAIRE:-../shared/data/fr_annuaire_education_occitanie_2024-11.csv}
if [ -r "$annuaire" ]; then   # real establishments, through the library's Annuaire importer
  java -jar "$jar" MatchingBenchmark -p dataset=annuaire -p members=100000 -p radiusKm=30 "${opts[@]}" \
    -jvmArgsAppend "-Dsharenum.annuaire=$annuaire" -rf json -rff "$out/matching-annuaire.json"
else
  echo "no Annuaire CSV at $annuaire: the real-establishments table is skipped (set SHARENUM_ANNUAIRE)" >&2
fi
java -jar "$jar" BuildBenchmark -wi 3 -i 5 -f 1 -rf json -rff "$out/build.json"
java -jar "$jar" "UpdateBenchmark|FanOutBenchmark" "${opts[@]}" -rf json -rff "$out/update-fanout.json"
java -jar "$jar" IndicatorsBenchmark "${opts[@]}" -rf json -rff "$out/indicators.json"
java -jar "$jar" MailThroughputBenchmark -rf json -rff "$out/mail.json"
java -Xmx8g -cp "$jar" fr.sharenum.benchmarks.MemoryFootprint 1000000 "$out/memory-1m.json"
java -cp "$jar" fr.sharenum.benchmarks.Report benchmarks
