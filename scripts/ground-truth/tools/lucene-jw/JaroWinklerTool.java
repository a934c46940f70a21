import org.apache.lucene.search.spell.JaroWinklerDistance;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Ground truth for onr-core's Jaro-Winkler: reads "a<TAB>b" lines on stdin and prints
 * "a<TAB>b<TAB>getDistance(a, b)<TAB>(value >= 0.85f)" with the real Lucene class (the one ONR
 * uses for its name checks). Lines without a tab are skipped; the caller counts lines.
 */
public class JaroWinklerTool {
  public static void main(String[] args) throws Exception {
    JaroWinklerDistance jw = new JaroWinklerDistance();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)));
    String line;
    while ((line = in.readLine()) != null) {
      int tab = line.indexOf('\t');
      if (tab < 0) {
        continue;
      }
      String a = line.substring(0, tab);
      String b = line.substring(tab + 1);
      float value = jw.getDistance(a, b);
      out.println(a + "\t" + b + "\t" + value + "\t" + (value >= 0.85f));
    }
    out.flush();
  }
}
