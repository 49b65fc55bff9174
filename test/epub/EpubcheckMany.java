import com.adobe.epubcheck.tool.EpubChecker;

/**
 * epubcheck on several EPUBs in one JVM: arguments are pairs of an EPUB and the path of its JSON report. Each runs
 * exactly as `java -jar epubcheck.jar <epub> --json <report> -q` would; the JVM starts (and loads the schemas) once.
 */
public class EpubcheckMany {
  public static void main(String[] args) {
    for (int i = 0; i + 1 < args.length; i += 2) new EpubChecker().run(new String[] {args[i], "--json", args[i + 1], "-q"});
  }
}
