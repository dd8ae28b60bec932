package example;

/** Uses {@link Misuse}: under the agent its first use must fail with the rewriter's reason. */
public class MisuseMain {
    public static void main(String[] args) {
        try {
            new Misuse().locked();
            System.out.println("Misuse loaded");
        } catch (NoClassDefFoundError e) {
            System.out.println("refused: " + e.getMessage());
        }
    }
}
