package demo;

/** No @Async here: the plugin passes it by. */
public class Plain {
    public static int twice(int x) {
        return 2 * x;
    }
}
