package io.streamling.connect.file;

import java.io.IOException;

/**
 * A file that cannot be read as its format requires, as a whole (a CSV header with duplicate
 * names, for example). Handled like an unreadable file.
 */
final class BadFileException extends IOException {

    /**
     * @param message what is wrong with the file
     */
    BadFileException(String message) {
        super(message);
    }
}
