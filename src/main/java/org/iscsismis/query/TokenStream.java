package org.iscsismis.query;

import java.util.List;
import org.iscsismis.query.Token.Kind;

/** The tokens of one query with a read position, and the expect/accept helpers the parsers share. */
final class TokenStream {

    private final QueryLanguage language;
    private final List<Token> tokens;
    private int at;

    TokenStream(QueryLanguage language, List<Token> tokens) {
        this.language = language;
        this.tokens = tokens;
    }

    Token peek() {
        return tokens.get(at);
    }

    Token peek(int ahead) {
        return tokens.get(Math.min(at + ahead, tokens.size() - 1));
    }

    Token next() {
        Token t = tokens.get(at);
        if (t.kind() != Kind.END) {
            at++;
        }
        return t;
    }

    boolean accept(Kind kind) {
        if (peek().kind() == kind) {
            next();
            return true;
        }
        return false;
    }

    boolean acceptKeyword(String keyword) {
        if (peek().is(keyword)) {
            next();
            return true;
        }
        return false;
    }

    Token expect(Kind kind, String what) {
        if (peek().kind() != kind) {
            throw QueryErrors.at(language, peek(), what + " is expected");
        }
        return next();
    }

    void expectKeyword(String keyword) {
        if (!acceptKeyword(keyword)) {
            throw QueryErrors.at(language, peek(), keyword + " is expected");
        }
    }

    void expectEnd() {
        if (peek().kind() != Kind.END) {
            throw QueryErrors.at(language, peek(), "the query should end here");
        }
    }
}
