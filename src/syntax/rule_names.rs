//! Readable names for the grammar's rules.
//!
//! pest reports what it expected by rule name (`kw_collects`, `EOI`). A lawyer
//! should read "`collects`" and "the end of the file" instead. The match has
//! no catch-all arm, so a new grammar rule cannot be added without a name.
//! (Generated once from `grammar/policy.pest`, then kept by hand.)

use super::parser::Rule;

/// How a rule is described in a syntax error.
#[must_use]
pub fn describe(rule: Rule) -> &'static str {
    match rule {
        Rule::EOI => "the end of the declaration",
        Rule::WHITESPACE => "a space",
        Rule::COMMENT => "a comment",
        Rule::sep => "a line break",
        Rule::ident_char => "a letter, digit or `_`",
        Rule::ident => "a name",
        Rule::string => "a quoted string",
        Rule::string_inner => "the text of a string",
        Rule::prose => "a `\"\"\"` prose block",
        Rule::prose_inner => "the text of a prose block",
        Rule::text => "a quoted string or a `\"\"\"` prose block",
        Rule::date => "a date such as `2023-01-15` or `2023-01`",
        Rule::number => "a number",
        Rule::ident_list => "a list of names separated by commas",
        Rule::rule_code => "a rule code such as `gdpr::consent-withdrawal`",
        Rule::kw_policy => "`policy`",
        Rule::kw_controller => "`controller`",
        Rule::kw_contact => "`contact`",
        Rule::kw_item => "`item`",
        Rule::kw_subject => "`subject`",
        Rule::kw_source => "`source`",
        Rule::kw_method => "`method`",
        Rule::kw_purpose => "`purpose`",
        Rule::kw_dataset => "`dataset`",
        Rule::kw_processing => "`processing`",
        Rule::kw_recipient => "`recipient`",
        Rule::kw_third_party => "`third_party`",
        Rule::kw_part_of => "`part_of`",
        Rule::kw_vendor => "`vendor`",
        Rule::kw_cookie => "`cookie`",
        Rule::kw_transfer => "`transfer`",
        Rule::kw_rights => "`rights`",
        Rule::kw_retention => "`retention`",
        Rule::kw_children => "`children`",
        Rule::kw_ccpa => "`ccpa`",
        Rule::kw_definition => "`definition`",
        Rule::kw_section => "`section`",
        Rule::kw_rules => "`rules`",
        Rule::kw_translation => "`translation`",
        Rule::kw_address => "`address`",
        Rule::kw_agents => "`agents`",
        Rule::kw_aliases => "`aliases`",
        Rule::kw_age => "`age`",
        Rule::kw_allow => "`allow`",
        Rule::kw_applies_to => "`applies_to`",
        Rule::kw_automated => "`automated_decisions`",
        Rule::kw_basis => "`basis`",
        Rule::kw_collects => "`collects`",
        Rule::kw_contacts => "`contacts`",
        Rule::kw_copy => "`copy`",
        Rule::kw_criteria => "`criteria`",
        Rule::kw_datasets => "`datasets`",
        Rule::kw_deny => "`deny`",
        Rule::kw_disclosed => "`disclosed`",
        Rule::kw_dpo => "`dpo`",
        Rule::kw_duration => "`duration`",
        Rule::kw_minimum_age => "`minimum_age`",
        Rule::kw_sells_under_16 => "`sells_under_16`",
        Rule::kw_logic => "`logic`",
        Rule::kw_consequences => "`consequences`",
        Rule::kw_incentive => "`incentive`",
        Rule::kw_essential => "`essential`",
        Rule::kw_established => "`established`",
        Rule::kw_arrangement => "`arrangement`",
        Rule::kw_sensitive_other_uses => "`sensitive_other_uses`",
        Rule::kw_frictionless => "`frictionless`",
        Rule::kw_ten_million => "`ten_million`",
        Rule::kw_metrics => "`metrics`",
        Rule::kw_collected => "`collected`",
        Rule::kw_consideration => "`consideration`",
        Rule::kw_short_name => "`short_name`",
        Rule::kw_term => "`term`",
        Rule::kw_exports => "`exports`",
        Rule::kw_security => "`security`",
        Rule::kw_apple => "`apple`",
        Rule::kw_play => "`play`",
        Rule::kw_linked => "`linked`",
        Rule::kw_tracking => "`tracking`",
        Rule::kw_fides => "`fides`",
        Rule::kw_context => "`context`",
        Rule::kw_covers => "`covers`",
        Rule::kw_appeal => "`appeal`",
        Rule::kw_attorney_general => "`attorney_general`",
        Rule::kw_uk_representative => "`uk_representative`",
        Rule::kw_llm_training => "`llm_training`",
        Rule::kw_encrypted_in_transit => "`encrypted_in_transit`",
        Rule::kw_account_creation => "`account_creation`",
        Rule::kw_account_deletion => "`account_deletion`",
        Rule::kw_data_deletion => "`data_deletion`",
        Rule::kw_ephemeral => "`ephemeral`",
        Rule::kw_accessed_apis => "`accessed_apis`",
        Rule::kw_serves => "`serves`",
        Rule::kw_regions => "`regions`",
        Rule::kw_consumer_languages => "`consumer_languages`",
        Rule::kw_tracking_domains => "`tracking_domains`",
        Rule::kw_email => "`email`",
        Rule::kw_examples => "`examples`",
        Rule::kw_extension_days => "`extension_days`",
        Rule::kw_for => "`for`",
        Rule::kw_from => "`from`",
        Rule::kw_insert => "`insert`",
        Rule::kw_interest => "`interest`",
        Rule::kw_items => "`items`",
        Rule::kw_jurisdiction => "`jurisdiction`",
        Rule::kw_jurisdictions => "`jurisdictions`",
        Rule::kw_kind => "`kind`",
        Rule::kw_language => "`language`",
        Rule::kw_languages => "`languages`",
        Rule::kw_location => "`location`",
        Rule::kw_marketing => "`marketing`",
        Rule::kw_methods => "`methods`",
        Rule::kw_numbered => "`numbered`",
        Rule::kw_online_only => "`online_only`",
        Rule::kw_operations => "`operations`",
        Rule::kw_opt_out_signals => "`opt_out_signals`",
        Rule::kw_outline => "`outline`",
        Rule::kw_period => "`period`",
        Rule::kw_phone => "`phone`",
        Rule::kw_profiling => "`profiling`",
        Rule::kw_public => "`public`",
        Rule::kw_purposes => "`purposes`",
        Rule::kw_recipients => "`recipients`",
        Rule::kw_representative => "`representative`",
        Rule::kw_request_methods => "`request_methods`",
        Rule::kw_required => "`required`",
        Rule::kw_response_days => "`response_days`",
        Rule::kw_right => "`right`",
        Rule::kw_safeguards => "`safeguards`",
        Rule::kw_same_as => "`same_as`",
        Rule::kw_sensitive => "`sensitive`",
        Rule::kw_shared => "`shared`",
        Rule::kw_shares => "`shares`",
        Rule::kw_sold => "`sold`",
        Rule::kw_sources => "`sources`",
        Rule::kw_special => "`special`",
        Rule::kw_statutory => "`statutory`",
        Rule::kw_subjects => "`subjects`",
        Rule::kw_targeted_ads => "`targeted_advertising`",
        Rule::kw_templates => "`templates`",
        Rule::kw_id_prefix => "`id_prefix`",
        Rule::kw_heading_level => "`heading_level`",
        Rule::kw_text => "`text`",
        Rule::kw_third_parties => "`third_parties`",
        Rule::kw_to => "`to`",
        Rule::kw_toll_free => "`toll_free`",
        Rule::kw_transfers => "`transfers`",
        Rule::kw_updated => "`updated`",
        Rule::kw_effective => "`effective`",
        Rule::kw_url => "`url`",
        Rule::kw_vendors => "`vendors`",
        Rule::kw_verification => "`verification`",
        Rule::kw_warn => "`warn`",
        Rule::kw_when => "`when`",
        Rule::kw_withdraw => "`withdraw`",
        Rule::kw_consent => "`consent`",
        Rule::kw_under => "`under`",
        Rule::kw_how => "`how`",
        Rule::f_text => "`text`",
        Rule::f_kind => "`kind`",
        Rule::f_email => "`email`",
        Rule::f_url => "`url`",
        Rule::f_address => "`address`",
        Rule::f_phone => "`phone`",
        Rule::toll_free => "`toll_free`",
        Rule::f_location => "`location`",
        Rule::f_recipient => "`recipient`",
        Rule::f_jurisdiction => "`jurisdiction`",
        Rule::f_purposes => "`purposes`",
        Rule::f_sources => "`sources`",
        Rule::f_retention => "`retention`",
        Rule::f_items => "`items`",
        Rule::f_aliases => "`aliases`",
        Rule::f_basis => "`basis`",
        Rule::for_clause => "`for` and the purposes it covers",
        Rule::when_clause => "`when` and the condition",
        Rule::basis_block => "`{` and the details of the basis",
        Rule::basis_kw => "a field name",
        Rule::basis_field => "a field",
        Rule::f_interest => "`interest`",
        Rule::f_withdraw => "`withdraw`",
        Rule::f_special => "`special`",
        Rule::f_consent => "`consent`",
        Rule::under_clause => "`under` and the laws it answers",
        Rule::consent_block => "`{` and the details of the consent",
        Rule::consent_kw => "a field name",
        Rule::consent_field => "a field",
        Rule::f_how => "`how`",
        Rule::unknown_field => "a field",
        Rule::unknown_rest => "the rest of the field",
        Rule::unknown_block => "a block",
        Rule::file => "a policy file",
        Rule::next_declaration => "a declaration",
        Rule::declaration => "a declaration",
        Rule::decl_kw => "a field name",
        Rule::unknown_decl => "a declaration such as `dataset` or `purpose`",
        Rule::name => "a display name in quotes",
        Rule::policy_decl => "a `policy` declaration",
        Rule::policy_kw => "a field name",
        Rule::policy_field => "a field",
        Rule::f_updated => "`updated`",
        Rule::f_effective => "`effective`",
        Rule::f_jurisdictions => "`jurisdictions`",
        Rule::f_language => "`language`",
        Rule::f_languages => "`languages`",
        Rule::f_outline => "`outline`",
        Rule::f_numbered => "`numbered`",
        Rule::f_templates => "`templates`",
        Rule::f_id_prefix => "`id_prefix`",
        Rule::f_heading_level => "`heading_level`",
        Rule::controller_decl => "a `controller` declaration",
        Rule::controller_kw => "a field name",
        Rule::controller_field => "a field",
        Rule::f_contacts => "`contacts`",
        Rule::f_dpo => "`dpo`",
        Rule::f_representative => "`representative`",
        Rule::f_uk_representative => "`uk_representative`",
        Rule::f_llm_training => "`llm_training`",
        Rule::f_encrypted_in_transit => "`encrypted_in_transit`",
        Rule::f_account_creation => "`account_creation`",
        Rule::f_account_deletion => "`account_deletion`",
        Rule::f_data_deletion => "`data_deletion`",
        Rule::f_ephemeral => "`ephemeral`",
        Rule::f_accessed_apis => "`accessed_apis`",
        Rule::f_serves => "`serves`",
        Rule::f_regions => "`regions`",
        Rule::f_consumer_languages => "`consumer_languages`",
        Rule::f_tracking_domains => "`tracking_domains`",
        Rule::f_covers => "`covers`",
        Rule::f_appeal => "`appeal`",
        Rule::f_attorney_general => "`attorney_general`",
        Rule::contact_decl => "a `contact` declaration",
        Rule::contact_kw => "a field name",
        Rule::contact_field => "a field",
        Rule::item_decl => "a `item` declaration",
        Rule::item_kw => "a field name",
        Rule::item_field => "a field",
        Rule::f_ccpa_letters => "`ccpa`",
        Rule::f_sensitive => "`sensitive`",
        Rule::subject_decl => "a `subject` declaration",
        Rule::subject_kw => "a field name",
        Rule::subject_field => "a field",
        Rule::source_decl => "a `source` declaration",
        Rule::source_kw => "a field name",
        Rule::source_field => "a field",
        Rule::f_public => "`public`",
        Rule::method_decl => "a `method` declaration",
        Rule::method_kw => "a field name",
        Rule::method_field => "a field",
        Rule::purpose_decl => "a `purpose` declaration",
        Rule::purpose_kw => "a field name",
        Rule::purpose_field => "a field",
        Rule::f_marketing => "`marketing`",
        Rule::f_profiling => "`profiling`",
        Rule::f_automated => "`automated_decisions`",
        Rule::f_targeted_ads => "`targeted_advertising`",
        Rule::dataset_decl => "a `dataset` declaration",
        Rule::processing_decl => "a `processing` declaration",
        Rule::dataset_kw => "a field name",
        Rule::dataset_field => "a field",
        Rule::f_subjects => "`subjects`",
        Rule::f_collects => "`collects`",
        Rule::f_methods => "`methods`",
        Rule::f_operations => "`operations`",
        Rule::f_recipients => "`recipients`",
        Rule::f_transfers => "`transfers`",
        Rule::f_required => "`required`",
        Rule::recipient_decl => "a `recipient` declaration",
        Rule::recipient_kw => "a field name",
        Rule::recipient_field => "a field",
        Rule::f_shares => "`shares`",
        Rule::f_datasets => "`datasets`",
        Rule::third_party_decl => "a `third_party` declaration",
        Rule::vendor_decl => "a `vendor` declaration",
        Rule::vendor_kw => "a field name",
        Rule::vendor_field => "a field",
        Rule::cookie_decl => "a `cookie` declaration",
        Rule::cookie_kw => "a field name",
        Rule::cookie_field => "a field",
        Rule::f_vendors => "`vendors`",
        Rule::f_duration => "`duration`",
        Rule::f_minimum_age => "`minimum_age`",
        Rule::f_sells_under_16 => "`sells_under_16`",
        Rule::f_logic => "`logic`",
        Rule::f_consequences => "`consequences`",
        Rule::f_incentive => "`incentive`",
        Rule::f_essential => "`essential`",
        Rule::f_established => "`established`",
        Rule::f_arrangement => "`arrangement`",
        Rule::f_sensitive_other_uses => "`sensitive_other_uses`",
        Rule::f_frictionless => "`frictionless`",
        Rule::f_ten_million => "`ten_million`",
        Rule::f_metrics => "`metrics`",
        Rule::f_collected => "`collected`",
        Rule::f_consideration => "`consideration`",
        Rule::f_part_of => "`part_of`",
        Rule::f_short_name => "`short_name`",
        Rule::f_term => "`term`",
        Rule::f_exports => "`exports`",
        Rule::f_security => "`security`",
        Rule::f_apple => "`apple`",
        Rule::f_play => "`play`",
        Rule::f_linked => "`linked`",
        Rule::f_tracking => "`tracking`",
        Rule::f_fides => "`fides`",
        Rule::f_context => "`context`",
        Rule::f_children => "`children`",
        Rule::transfer_decl => "a `transfer` declaration",
        Rule::transfer_kw => "a field name",
        Rule::transfer_field => "a field",
        Rule::f_from => "`from`",
        Rule::f_to => "`to`",
        Rule::f_safeguards => "`safeguards`",
        Rule::f_copy => "`copy`",
        Rule::rights_decl => "a `rights` declaration",
        Rule::rights_kw => "a field name",
        Rule::rights_field => "a field",
        Rule::f_right => "`right`",
        Rule::right_block => "`{` and the details of the right",
        Rule::right_kw => "a field name",
        Rule::right_field => "a field",
        Rule::f_request_methods => "`request_methods`",
        Rule::f_online_only => "`online_only`",
        Rule::f_verification => "`verification`",
        Rule::f_response_days => "`response_days`",
        Rule::f_extension_days => "`extension_days`",
        Rule::f_agents => "`agents`",
        Rule::f_opt_out_signals => "`opt_out_signals`",
        Rule::retention_decl => "a `retention` declaration",
        Rule::retention_kw => "a field name",
        Rule::retention_field => "a field",
        Rule::f_applies_to => "`applies_to`",
        Rule::f_period => "`period`",
        Rule::f_criteria => "`criteria`",
        Rule::children_decl => "a `children` declaration",
        Rule::children_kw => "a field name",
        Rule::children_field => "a field",
        Rule::f_age => "`age`",
        Rule::ccpa_decl => "a `ccpa` declaration",
        Rule::ccpa_kw => "a field name",
        Rule::ccpa_field => "a field",
        Rule::f_statutory => "`statutory`",
        Rule::f_examples => "`examples`",
        Rule::f_sold => "`sold`",
        Rule::f_shared => "`shared`",
        Rule::f_disclosed => "`disclosed`",
        Rule::f_third_parties => "`third_parties`",
        Rule::f_purpose_third_parties => "`third_parties`",
        Rule::same_as => "`same_as` and a CCPA category",
        Rule::definition_decl => "a `definition` declaration",
        Rule::definition_kw => "a field name",
        Rule::definition_field => "a field",
        Rule::section_decl => "a `section` declaration",
        Rule::section_kw => "a field name",
        Rule::section_field => "a field",
        Rule::f_insert => "`insert`",
        Rule::numbered => "`numbered`",
        Rule::rules_decl => "a `rules` declaration",
        Rule::rule_setting => "`allow`, `warn` or `deny` and a rule code",
        Rule::translation_decl => "a `translation` declaration",
        Rule::translation_entry => {
            "a translated block: kind, id, block, `@fingerprint` and the text"
        }
        Rule::translation_path => "a block such as `text` or `bases.1.interest`",
        Rule::fingerprint => "the fingerprint of the source text, such as `@5b1e07f3`",
    }
}

/// Whether the rule is a field keyword (used to shorten long lists).
#[must_use]
pub fn is_field_keyword(rule: Rule) -> bool {
    matches!(
        rule,
        Rule::kw_address
            | Rule::kw_agents
            | Rule::kw_aliases
            | Rule::kw_age
            | Rule::kw_allow
            | Rule::kw_applies_to
            | Rule::kw_automated
            | Rule::kw_basis
            | Rule::kw_collects
            | Rule::kw_contacts
            | Rule::kw_copy
            | Rule::kw_criteria
            | Rule::kw_datasets
            | Rule::kw_deny
            | Rule::kw_disclosed
            | Rule::kw_dpo
            | Rule::kw_duration
            | Rule::kw_email
            | Rule::kw_examples
            | Rule::kw_extension_days
            | Rule::kw_for
            | Rule::kw_from
            | Rule::kw_insert
            | Rule::kw_interest
            | Rule::kw_items
            | Rule::kw_jurisdiction
            | Rule::kw_jurisdictions
            | Rule::kw_kind
            | Rule::kw_language
            | Rule::kw_languages
            | Rule::kw_location
            | Rule::kw_marketing
            | Rule::kw_methods
            | Rule::kw_numbered
            | Rule::kw_online_only
            | Rule::kw_operations
            | Rule::kw_opt_out_signals
            | Rule::kw_outline
            | Rule::kw_period
            | Rule::kw_phone
            | Rule::kw_profiling
            | Rule::kw_public
            | Rule::kw_purposes
            | Rule::kw_recipients
            | Rule::kw_representative
            | Rule::kw_request_methods
            | Rule::kw_required
            | Rule::kw_response_days
            | Rule::kw_right
            | Rule::kw_safeguards
            | Rule::kw_same_as
            | Rule::kw_sensitive
            | Rule::kw_shared
            | Rule::kw_shares
            | Rule::kw_sold
            | Rule::kw_sources
            | Rule::kw_special
            | Rule::kw_statutory
            | Rule::kw_subjects
            | Rule::kw_targeted_ads
            | Rule::kw_templates
            | Rule::kw_id_prefix
            | Rule::kw_heading_level
            | Rule::kw_text
            | Rule::kw_third_parties
            | Rule::kw_to
            | Rule::kw_toll_free
            | Rule::kw_transfers
            | Rule::kw_updated
            | Rule::kw_effective
            | Rule::kw_url
            | Rule::kw_vendors
            | Rule::kw_verification
            | Rule::kw_warn
            | Rule::kw_when
            | Rule::kw_withdraw
            | Rule::kw_consent
            | Rule::kw_under
            | Rule::kw_how
            | Rule::kw_minimum_age
            | Rule::kw_sells_under_16
            | Rule::kw_logic
            | Rule::kw_consequences
            | Rule::kw_incentive
            | Rule::kw_essential
            | Rule::kw_established
            | Rule::kw_arrangement
            | Rule::kw_sensitive_other_uses
            | Rule::kw_frictionless
            | Rule::kw_ten_million
            | Rule::kw_metrics
            | Rule::kw_collected
            | Rule::kw_consideration
            | Rule::kw_part_of
            | Rule::kw_short_name
            | Rule::kw_term
            | Rule::kw_exports
            | Rule::kw_security
            | Rule::kw_apple
            | Rule::kw_play
            | Rule::kw_linked
            | Rule::kw_tracking
            | Rule::kw_fides
            | Rule::kw_context
            | Rule::kw_covers
            | Rule::kw_appeal
            | Rule::kw_attorney_general
            | Rule::kw_uk_representative
            | Rule::kw_llm_training
            | Rule::kw_encrypted_in_transit
            | Rule::kw_account_creation
            | Rule::kw_account_deletion
            | Rule::kw_data_deletion
            | Rule::kw_ephemeral
            | Rule::kw_accessed_apis
            | Rule::kw_serves
            | Rule::kw_regions
            | Rule::kw_consumer_languages
            | Rule::kw_tracking_domains
            | Rule::f_text
            | Rule::f_kind
            | Rule::f_email
            | Rule::f_url
            | Rule::f_address
            | Rule::f_phone
            | Rule::f_location
            | Rule::f_recipient
            | Rule::f_jurisdiction
            | Rule::f_purposes
            | Rule::f_sources
            | Rule::f_retention
            | Rule::f_items
            | Rule::f_aliases
            | Rule::f_basis
            | Rule::f_interest
            | Rule::f_withdraw
            | Rule::f_special
            | Rule::f_consent
            | Rule::f_how
            | Rule::f_updated
            | Rule::f_effective
            | Rule::f_jurisdictions
            | Rule::f_language
            | Rule::f_languages
            | Rule::f_outline
            | Rule::f_numbered
            | Rule::f_templates
            | Rule::f_id_prefix
            | Rule::f_heading_level
            | Rule::f_contacts
            | Rule::f_dpo
            | Rule::f_representative
            | Rule::f_ccpa_letters
            | Rule::f_sensitive
            | Rule::f_public
            | Rule::f_marketing
            | Rule::f_profiling
            | Rule::f_automated
            | Rule::f_targeted_ads
            | Rule::f_subjects
            | Rule::f_collects
            | Rule::f_methods
            | Rule::f_operations
            | Rule::f_recipients
            | Rule::f_transfers
            | Rule::f_required
            | Rule::f_shares
            | Rule::f_datasets
            | Rule::f_vendors
            | Rule::f_duration
            | Rule::f_from
            | Rule::f_to
            | Rule::f_safeguards
            | Rule::f_copy
            | Rule::f_right
            | Rule::f_request_methods
            | Rule::f_online_only
            | Rule::f_verification
            | Rule::f_response_days
            | Rule::f_extension_days
            | Rule::f_agents
            | Rule::f_opt_out_signals
            | Rule::f_applies_to
            | Rule::f_period
            | Rule::f_criteria
            | Rule::f_age
            | Rule::f_statutory
            | Rule::f_examples
            | Rule::f_sold
            | Rule::f_shared
            | Rule::f_disclosed
            | Rule::f_third_parties
            | Rule::f_purpose_third_parties
            | Rule::f_insert
            | Rule::f_minimum_age
            | Rule::f_sells_under_16
            | Rule::f_logic
            | Rule::f_consequences
            | Rule::f_incentive
            | Rule::f_essential
            | Rule::f_established
            | Rule::f_arrangement
            | Rule::f_sensitive_other_uses
            | Rule::f_frictionless
            | Rule::f_ten_million
            | Rule::f_metrics
            | Rule::f_collected
            | Rule::f_consideration
            | Rule::f_part_of
            | Rule::f_short_name
            | Rule::f_term
            | Rule::f_exports
            | Rule::f_security
            | Rule::f_apple
            | Rule::f_play
            | Rule::f_linked
            | Rule::f_tracking
            | Rule::f_fides
            | Rule::f_context
            | Rule::f_children
            | Rule::f_covers
            | Rule::f_appeal
            | Rule::f_attorney_general
            | Rule::f_uk_representative
            | Rule::f_llm_training
            | Rule::f_encrypted_in_transit
            | Rule::f_account_creation
            | Rule::f_account_deletion
            | Rule::f_data_deletion
            | Rule::f_ephemeral
            | Rule::f_accessed_apis
            | Rule::f_serves
            | Rule::f_regions
            | Rule::f_consumer_languages
            | Rule::f_tracking_domains
    )
}
