package fr.sharenum.benchmarks;

import fr.sharenum.spi.Match;
import fr.sharenum.spi.QualifiedQuery;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Lucene 9 on an in-memory index: one document per member with a {@code LatLonPoint} at their
 * establishment and one keyword per (tool, level reached), so "level ≥ L on tool T" is one term. The
 * query is a filter of that term and {@code LatLonPoint.newDistanceQuery} with the radius widened by
 * 0.5 % (Lucene quantises coordinates and uses its own haversine), then the exact great-circle filter
 * every engine shares. Single segment after {@code forceMerge(1)}, single-threaded search.
 */
final class LucenePeer implements Peers.Peer {
    private final SyntheticFrance d;
    private final IndexSearcher searcher;

    LucenePeer(SyntheticFrance d) {
        this.d = d;
        try {
            ByteBuffersDirectory dir = new ByteBuffersDirectory();
            IndexWriterConfig config = new IndexWriterConfig(new StandardAnalyzer()).setRAMBufferSizeMB(512);
            try (IndexWriter writer = new IndexWriter(dir, config)) {
                for (int m = 0; m < d.memberCount; m++) {
                    Document doc = new Document();
                    int e = d.memberEst[m];
                    doc.add(new LatLonPoint("loc", d.estLat[e], d.estLon[e]));
                    doc.add(new NumericDocValuesField("m", m));
                    for (int k = d.skillStart[m]; k < d.skillStart[m + 1]; k++) {
                        for (int level = 0; level <= d.skillLevel[k]; level++) {
                            doc.add(new StringField("skill", key(d.skillTool[k], level), Field.Store.NO));
                        }
                    }
                    writer.addDocument(doc);
                }
                writer.forceMerge(1);
            }
            searcher = new IndexSearcher(DirectoryReader.open(dir));
            searcher.setQueryCache(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String key(int tool, int level) {
        return tool + ":" + level;
    }

    @Override
    public List<Match> qualified(QualifiedQuery q) {
        int tool = Peers.toolIndex(q);
        Query skill = new TermQuery(new Term("skill", key(tool, q.minLevel().ordinal())));
        Query near = LatLonPoint.newDistanceQuery("loc", q.center().latitude(), q.center().longitude(),
                q.radiusKm() * 1000.0 * 1.005);
        Query query = new BooleanQuery.Builder().add(skill, BooleanClause.Occur.FILTER)
                .add(near, BooleanClause.Occur.FILTER).build();
        List<Match> hits = new ArrayList<>();
        try {
            searcher.search(query, new SimpleCollector() {
                private NumericDocValues members;

                @Override
                protected void doSetNextReader(LeafReaderContext context) throws IOException {
                    members = context.reader().getNumericDocValues("m");
                }

                @Override
                public void collect(int doc) throws IOException {
                    members.advanceExact(doc);
                    Peers.consider(d, q, tool, (int) members.longValue(), hits);
                }

                @Override
                public ScoreMode scoreMode() {
                    return ScoreMode.COMPLETE_NO_SCORES;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Peers.finish(hits, q.limit());
    }
}
