//! [`declare_kind!`]: a kind's model struct, its field specs and its
//! lowering, from one declaration.

/// Declares the model struct of a kind of declaration, and from the same
/// lines its [`crate::schema::Declared`] field specs, a struct of the
/// fields' spans, and its lowering from the syntax tree
/// ([`crate::resolve::Lower`]).
///
/// ```text
/// declare_kind! {
///     /// A category of recipients (GDPR Art. 13(1)(e)).
///     pub struct Recipient / RecipientSpans: Recipient;
///     /// Display name, e.g. "Trusted Agents and Service Providers".
///     name;
///     /// What sort of organisation it is.
///     kind: Option<RecipientKind> = field("kind", "kind", Material("recipient changed"));
/// }
/// ```
///
/// Each field line is `name: Type = FORM(...)`, where FORM is
/// - `field(keyword, label, diff)`: read by the type's
///   [`crate::resolve::FromField`];
/// - `required(keyword, label, diff, example)`: the same, and an error
///   quoting `example` when it is missing;
/// - `custom(keyword, label, diff, shape, reader)`: read by
///   `reader(cx, decl, fields)`;
/// - `derived(keyword, diff, reader)`: a model field computed from the
///   field `keyword` that another line reads (no keyword of its own);
/// - `from_decl(diff, reader)`: computed from the declaration itself.
///
/// A line may end in `prose` (`text: Option<String> = field("text", "text",
/// Wording) prose;`): the field's text, or the text inside its block, is
/// prose the notice prints and the text rules read. The kind's
/// [`crate::schema::HasProse`] yields every such field.
///
/// `pub struct Name / NameSpans: Kind where path;` runs `path(cx, &lowered)`
/// for checks that span several fields.
macro_rules! declare_kind {
    (
        $(#[doc = $kdoc:literal])*
        pub struct $Name:ident / $Spans:ident : $Kind:ident $(where $validate:path)?;
        $(#[doc = $ndoc:literal])*
        name;
        $(
            $(#[doc = $doc:literal])*
            $(#[serde($($serde:tt)*)])?
            $field:ident : $ty:ty = $form:ident ( $($arg:tt)* ) $($prose:ident)?;
        )*
    ) => {
        $(#[doc = $kdoc])*
        #[derive(Debug, Clone, serde::Serialize, schemars::JsonSchema)]
        pub struct $Name {
            /// Id.
            pub id: String,
            $(#[doc = $ndoc])*
            pub name: String,
            $(
                $(#[doc = $doc])*
                $(#[serde($($serde)*)])?
                pub $field: $ty,
            )*
            /// Where the id is written.
            #[serde(skip)]
            pub span: $crate::source::Span,
            /// Where each field is written.
            #[serde(skip)]
            pub spans: $Spans,
        }

        #[doc = concat!("Where each field of [`", stringify!($Name), "`] is written, when it is.")]
        #[derive(Debug, Clone, Copy, Default)]
        pub struct $Spans {
            $(
                #[doc = concat!("The `", stringify!($field), "` field.")]
                pub $field: Option<$crate::source::Span>,
            )*
        }

        impl $crate::schema::Declared for $Name {
            const KIND: $crate::syntax::tree::DeclKind = $crate::syntax::tree::DeclKind::$Kind;
            const FIELDS: &'static [$crate::schema::FieldSpec] = &[
                $(
                    $crate::schema::declare_kind!(
                        @spec $field, $ty, concat!($($doc),*), $form($($arg)*)
                    )$(.$prose())?,
                )*
            ];
        }

        impl $crate::schema::HasProse for $Name {
            fn each_prose<'a>(&'a self, f: &mut dyn FnMut(&'a str, $crate::source::Span)) {
                let _ = &f;
                $($(
                    $crate::schema::declare_kind!(@prose self, f, $field, $prose);
                )?)*
            }
        }

        impl $crate::schema::Translatable for $Name {
            fn each_block_mut(&mut self, f: &mut dyn FnMut(&str, &mut String)) {
                f("name", &mut self.name);
                $($(
                    $crate::schema::declare_kind!(@translate self, f, $field, $prose);
                )?)*
            }
        }

        impl $crate::resolve::Lower for $Name {
            fn lower(
                cx: &mut $crate::resolve::Cx<'_>,
                decl: &$crate::syntax::tree::Declaration,
            ) -> Self {
                let mut reader = $crate::resolve::Reader::for_declaration(decl);
                let (id, span) = $crate::resolve::id_of(decl);
                let name = $crate::resolve::display_name(cx, decl);
                #[allow(unused_mut, reason = "a kind may have no fields")]
                let mut spans = $Spans::default();
                $(
                    spans.$field = $crate::schema::declare_kind!(@span reader, $form($($arg)*));
                    let $field: $ty = $crate::schema::declare_kind!(
                        @read cx, decl, reader, $ty, $form($($arg)*)
                    );
                )*
                reader.finish(cx, span);
                let lowered = $Name { id, name, $($field,)* span, spans };
                $( $validate(cx, &lowered); )?
                lowered
            }
        }
    };

    // ─── The spec of one field ──────────────────────────────────────────
    (@spec $field:ident, $ty:ty, $doc:expr, field($kw:literal, $label:literal, $diff:expr)) => {
        $crate::schema::FieldSpec::new(
            $kw,
            stringify!($field),
            $label,
            <$ty as $crate::resolve::FromField>::SHAPE,
            $diff,
            $doc,
        )
    };
    (@spec $field:ident, $ty:ty, $doc:expr,
        required($kw:literal, $label:literal, $diff:expr, $example:literal)) => {
        $crate::schema::declare_kind!(@spec $field, $ty, $doc, field($kw, $label, $diff))
            .required($example)
    };
    (@spec $field:ident, $ty:ty, $doc:expr,
        custom($kw:literal, $label:literal, $diff:expr, $shape:expr, $read:path)) => {
        $crate::schema::FieldSpec::new($kw, stringify!($field), $label, $shape, $diff, $doc)
    };
    (@spec $field:ident, $ty:ty, $doc:expr, derived($kw:literal, $diff:expr, $read:path)) => {
        $crate::schema::FieldSpec::derived(stringify!($field), $diff, $doc)
    };
    (@spec $field:ident, $ty:ty, $doc:expr, from_decl($diff:expr, $read:path)) => {
        $crate::schema::FieldSpec::derived(stringify!($field), $diff, $doc)
    };

    // ─── The prose of one field (only `prose` marks a line) ────────────
    (@prose $s:ident, $f:ident, $field:ident, prose) => {
        $crate::schema::ProseValue::each_prose(&$s.$field, $s.span, $f)
    };
    (@translate $s:ident, $f:ident, $field:ident, prose) => {
        $crate::schema::TranslatableValue::each_block_mut(&mut $s.$field, stringify!($field), $f)
    };

    // ─── Reading one field ──────────────────────────────────────────────
    (@read $cx:ident, $decl:ident, $r:ident, $ty:ty, field($kw:literal, $($rest:tt)*)) => {
        <$ty as $crate::resolve::FromField>::read($cx, &$r.take($kw))
    };
    (@read $cx:ident, $decl:ident, $r:ident, $ty:ty, required($kw:literal, $($rest:tt)*)) => {
        $crate::schema::declare_kind!(@read $cx, $decl, $r, $ty, field($kw, $($rest)*))
    };
    (@read $cx:ident, $decl:ident, $r:ident, $ty:ty,
        custom($kw:literal, $label:literal, $diff:expr, $shape:expr, $read:path)) => {
        $read($cx, $decl, &$r.take($kw))
    };
    (@read $cx:ident, $decl:ident, $r:ident, $ty:ty, derived($kw:literal, $diff:expr, $read:path)) => {
        $read($cx, $decl, &$r.peek($kw))
    };
    (@read $cx:ident, $decl:ident, $r:ident, $ty:ty, from_decl($diff:expr, $read:path)) => {
        $read($decl)
    };

    // ─── Where one field is written ─────────────────────────────────────
    (@span $r:ident, from_decl($($rest:tt)*)) => {
        None
    };
    (@span $r:ident, $form:ident($kw:literal, $($rest:tt)*)) => {
        $r.span_of($kw)
    };
}

pub(crate) use declare_kind;
