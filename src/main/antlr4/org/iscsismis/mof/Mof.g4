/*
 * DSP0004 MOF (Managed Object Format), as CIM servers accept it: compiler directives,
 * qualifier declarations, class declarations (properties, references, methods) and instance
 * declarations with aliases.
 *
 * Written for iscsi-smis from the DSP0004 ABNF. Labels name every part the compiler reads: it reads fields, never a
 * context's children, so a clean parse builds no children lists (MofSession.parseClean). Clean input is parsed by
 * MofFastParser, which builds these rules' contexts by hand; the parser generated from this grammar reports the
 * errors. A change here must be made there too (MofFastParserProperties compares the two). Deliberate choices:
 *  - keywords and names are case-insensitive (DSP0004);
 *  - data types, scope names and flavor names are plain identifiers, checked by the compiler, so
 *    that a property may be called "Scope", a parameter "Class", and so on;
 *  - the sign of a number is a parser token, so "-" and "+" never start another token;
 *  - escapes in strings and char16 literals are decoded and checked by the compiler, which
 *    reports the exact position of a bad escape.
 */
grammar Mof;

options { caseInsensitive = true; }

mofSpecification : productions+=mofProduction* EOF ;

mofProduction
    : directive=compilerDirective
    | qualifierDecl=qualifierDeclaration
    | classDecl=classDeclaration
    | instanceDecl=instanceDeclaration
    ;

// #pragma include ("file"), #pragma namespace ("root/x"), #pragma locale ("en_US"), others
compilerDirective
    : PRAGMA pragmaName=identifier ( '(' ( args+=literal ( ',' args+=literal )* )? ')' )?
    ;

qualifierDeclaration
    : QUALIFIER qualifierName=identifier ':' dataType=identifier array=arraySpec? ( '=' init=initializer )?
      ',' SCOPE '(' scopes+=identifier ( ',' scopes+=identifier )* ')'
      ( ',' FLAVOR '(' flavors+=identifier ( ',' flavors+=identifier )* ')' )?
      ';'
    ;

classDeclaration
    : quals=qualifierList? CLASS className=identifier ( ':' superClass=identifier )? ( AS alias=ALIAS )?
      '{' features+=classFeature* '}' ';'
    ;

// property, reference (ClassName REF Name) or method; one rule of optional parts so that every
// decision needs one token of lookahead, a syntax error names exactly what may follow and a
// missing ';' is inserted; the compiler refuses a method with an array size or a default
classFeature
    : quals=qualifierList? dataType=identifier ( isRef=REF )? featureName=identifier
      params=methodParameters? array=arraySpec? ( '=' init=initializer )? ';'
    ;

methodParameters : '(' ( items+=parameter ( ',' items+=parameter )* )? ')' ;

parameter
    : quals=qualifierList? dataType=identifier ( isRef=REF )? parameterName=identifier array=arraySpec? ( '=' init=initializer )?
    ;

arraySpec : '[' size=DECIMAL? ']' ;

qualifierList : '[' items+=qualifier ( ',' items+=qualifier )* ']' ;

qualifier
    : qualifierName=identifier value=qualifierValue? ( ':' ( flavors+=identifier )+ )?
    ;

qualifierValue
    : '(' single=literal ')'
    | array=arrayInitializer
    ;

instanceDeclaration
    : quals=qualifierList? INSTANCE OF className=identifier ( AS alias=ALIAS )?
      '{' values+=valueInitializer* '}' ';'
    ;

valueInitializer : quals=qualifierList? propertyName=identifier '=' init=initializer ';' ;

initializer
    : value=literal
    | array=arrayInitializer
    | alias=ALIAS
    ;

arrayInitializer : '{' ( items+=arrayElement ( ',' items+=arrayElement )* )? '}' ;

arrayElement : value=literal | alias=ALIAS ;

literal
    : num=number
    | str=stringValue
    | charLiteral=CHAR_LITERAL
    | isTrue=TRUE
    | isFalse=FALSE
    | isNull=NULL
    ;

number : sign=( '+' | '-' )? digits=( DECIMAL | HEX | BINARY | REAL ) ;

// adjacent string literals are one string ("a" "b" is "ab")
stringValue : parts+=STRING+ ;

// names that are also keywords, where DSP0004 MOF uses them as names
identifier : IDENTIFIER | CLASS | QUALIFIER | INSTANCE | OF | AS | REF | SCOPE | FLAVOR ;

// ------------------------------------------------------------------ lexer

LPAREN    : '(' ;
RPAREN    : ')' ;
LBRACE    : '{' ;
RBRACE    : '}' ;
LBRACKET  : '[' ;
RBRACKET  : ']' ;
SEMICOLON : ';' ;
COLON     : ':' ;
COMMA     : ',' ;
EQUALS    : '=' ;
PLUS      : '+' ;
MINUS     : '-' ;

PRAGMA    : '#' [ \t]* 'pragma' ;
QUALIFIER : 'qualifier' ;
CLASS     : 'class' ;
INSTANCE  : 'instance' ;
OF        : 'of' ;
AS        : 'as' ;
REF       : 'ref' ;
SCOPE     : 'scope' ;
FLAVOR    : 'flavor' ;
TRUE      : 'true' ;
FALSE     : 'false' ;
NULL      : 'null' ;

ALIAS   : '$' [a-z_] [a-z0-9_]* ;
REAL    : [0-9]* '.' [0-9]+ ( 'e' [+-]? [0-9]+ )? ;
HEX     : '0x' [0-9a-f]+ ;
BINARY  : [01]+ 'b' ;
DECIMAL : [0-9]+ ;

STRING       : '"' ( '\\' ~[\r\n] | ~["\\\r\n] )* '"' ;
CHAR_LITERAL : '\'' ( '\\' ~[\r\n] | ~['\\\r\n] )+ '\'' ;

IDENTIFIER : [a-z_\u00C0-\uFFFD] [a-z0-9_\u00C0-\uFFFD]* ;

WS            : [ \t\r\n\f\u000B]+ -> skip ;
BLOCK_COMMENT : '/*' .*? '*/' -> skip ;
LINE_COMMENT  : '//' ~[\r\n]* -> skip ;

// anything else becomes a token the parser refuses, so that the error has a position and a text
BAD_CHAR : . ;
