package com.shiftrelay.crm.amocrm;

import com.shiftrelay.web.InvalidFieldException;
import java.util.ArrayList;
import java.util.List;

/**
 * A PHP-style bracket key as amoCRM's webhooks send it: {@code leads[add][0][tags][1][name]} is the path
 * {@code leads, add, 0, tags, 1, name}. A key whose brackets do not pair up is refused rather than guessed at.
 */
final class BracketKey {

    private BracketKey() {
    }

    /** The key's name and then each bracketed segment, in order; the key is already percent-decoded. */
    static List<String> path(String key) {
        int open = key.indexOf('[');
        String name = open < 0 ? key : key.substring(0, open);
        if (name.isEmpty() || name.indexOf(']') >= 0) {
            throw unbalanced(key);
        }
        List<String> path = new ArrayList<>();
        path.add(name);
        int at = open;
        while (at >= 0 && at < key.length()) {
            // After a closing bracket only another segment may follow.
            if (key.charAt(at) != '[') {
                throw unbalanced(key);
            }
            int close = key.indexOf(']', at + 1);
            if (close < 0) {
                throw unbalanced(key);
            }
            String segment = key.substring(at + 1, close);
            if (segment.indexOf('[') >= 0) {
                throw unbalanced(key);
            }
            path.add(segment);
            at = close + 1;
        }
        return path;
    }

    private static InvalidFieldException unbalanced(String key) {
        return new InvalidFieldException(key, "'" + key + "' is not a key of brackets that pair up, like leads[add][0][id]");
    }
}
